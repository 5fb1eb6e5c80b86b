package com.performanceos.rules.sales;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** {@code cancelDeal}: records the day a deal was cancelled (a clawback trigger for the commissions). */
final class CancelDeal {

	private CancelDeal() {
	}

	record Input(String dealId, LocalDate cancellationDate) {
	}

	record Payload(@Nullable Deal deal, List<SalesError> userErrors) {

		static Payload failed(SalesError error) {
			return new Payload(null, List.of(error));
		}

	}

}
