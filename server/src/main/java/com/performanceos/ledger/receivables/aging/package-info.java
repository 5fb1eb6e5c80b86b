/** Aging of open invoice amounts into past-due buckets, by counterparty or region, in one aggregate query. */
@NullMarked
package com.performanceos.ledger.receivables.aging;

import org.jspecify.annotations.NullMarked;
