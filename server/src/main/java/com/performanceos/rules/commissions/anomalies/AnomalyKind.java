package com.performanceos.rules.commissions.anomalies;

/** The schema's {@code CommissionAnomalyKind}: what {@link AnomalyDetector} looks for. */
public enum AnomalyKind {

	/** Two deals of the period with the same owner, product, amount, currency and close date under different references. */
	DUPLICATE_DEAL,
	/** A deal's amount far from the owner's usual range (median and MAD of their earlier deals). */
	AMOUNT_UNUSUAL_FOR_REP,
	/** A deal's amount far from the product's usual range (median and MAD of its earlier deals). */
	AMOUNT_UNUSUAL_FOR_PRODUCT,
	/** A deal's DIRECT credit in the run sums above 100 %. */
	CREDIT_OVER_100,
	/** A won deal credited to a rep with a plan, without any DIRECT line in the run. */
	ELIGIBLE_DEAL_WITHOUT_LINE,
	/** A rep credited on a deal of the period, or with a quota for it, and no plan assigned. */
	REP_WITHOUT_PLAN

}
