package com.performanceos.ledger.receivables.aging;

/** How far past due an open amount is; mirrors the schema's {@code AgingBucket}, in display order. */
enum AgingBucket {

	NOT_DUE, DAYS_1_30, DAYS_31_60, DAYS_61_90, OVER_90

}
