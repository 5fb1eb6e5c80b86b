package com.performanceos.scenarios.cash;

/** Where a forecast cash movement comes from; buckets total inflows and outflows per category. */
public enum CashCategory {

	/** Open customer invoices, at due date shifted by the customer's delay, times the collection rate. */
	RECEIVABLES,

	/** Open supplier bills, at due date plus the payables stretch. */
	PAYABLES,

	/** Confirmed recurring series from bank history (rent, payroll, subscriptions). */
	RECURRING,

	/** Revenue not invoiced yet: the run-rate forecast times (1 + growth). */
	NEW_BUSINESS,

	/** One-off items entered as drivers. */
	ONE_OFF

}
