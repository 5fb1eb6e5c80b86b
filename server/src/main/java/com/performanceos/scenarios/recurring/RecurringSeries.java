package com.performanceos.scenarios.recurring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A detected recurring flow, to be confirmed, edited or dismissed by a person before it enters a forecast.
 *
 * @param counterpartyKey the normalised counterparty all occurrences share
 * @param amount the median amount of the occurrences (signed: negative for an outflow)
 * @param lastOccurrence the latest booking of the series
 * @param confidence in [0, 1]: the share of gaps that fit the cadence times the share of the counterparty's
 *        same-direction transactions whose amount fits the series
 * @param transactionIds the transactions that justify the series, oldest first
 */
public record RecurringSeries(String counterpartyKey, Cadence cadence, BigDecimal amount, String currency,
		LocalDate lastOccurrence, double confidence, List<String> transactionIds) {

	public RecurringSeries {
		transactionIds = List.copyOf(transactionIds);
	}

	/** The next expected date after the last occurrence. */
	public LocalDate nextOccurrence() {
		return cadence.next(lastOccurrence);
	}

}
