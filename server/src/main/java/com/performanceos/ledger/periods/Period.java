package com.performanceos.ledger.periods;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A monthly period, as the schema's {@code Period}.
 *
 * @param month the month, {@code YYYY-MM}
 * @param status open or closed
 * @param changedAt when the status last changed; null for a month never closed
 * @param latestCertificate the latest close certificate, if the month was ever closed
 */
record Period(String month, Status status, @Nullable Instant changedAt, @Nullable CloseCertificate latestCertificate) {

	/** The schema's {@code PeriodStatus}. */
	enum Status {

		OPEN, CLOSED

	}

}
