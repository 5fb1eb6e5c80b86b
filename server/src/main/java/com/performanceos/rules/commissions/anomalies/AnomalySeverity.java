package com.performanceos.rules.commissions.anomalies;

/** The schema's {@code CommissionAnomalySeverity}, in increasing order of gravity. */
public enum AnomalySeverity {

	/** Worth a look; nobody is paid wrongly because of it. */
	INFO,
	/** Probably wrong, to check before approving. */
	WARNING,
	/** Pays someone wrongly: blocks the run's submission. */
	CRITICAL

}
