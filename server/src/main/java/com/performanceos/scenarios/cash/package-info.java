/** The direct-method cash forecast: opening balance, receivables, payables, recurring series, new business and one-offs per bucket, under scenario drivers. */
@NullMarked
package com.performanceos.scenarios.cash;

import org.jspecify.annotations.NullMarked;
