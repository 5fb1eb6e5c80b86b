/**
 * Commission inquiries: a rep disputes one of their statement lines, SALES_OPS answers in a thread and resolves it,
 * with or without an adjustment on the rep's next statement, or rejects it; states and ageing are queryable.
 */
@NullMarked
package com.performanceos.rules.commissions.disputes;

import org.jspecify.annotations.NullMarked;
