package com.performanceos.tenders.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * Detects abnormally low offers (Code de la commande publique L2152-5, R2152-3): an offer under the lot's
 * percentage of the mean of the other offers, or of the estimate when it is alone. Detection only asks
 * the vendor for a justification; rejecting needs the buyer's recorded decision.
 */
final class AbnormallyLowOffers {

	private AbnormallyLowOffers() {
	}

	/** The amount the offer at {@code index} fell under, when it is abnormally low; empty otherwise. */
	static Optional<BigDecimal> detect(List<BigDecimal> amounts, int index, int percent, BigDecimal estimate) {
		BigDecimal base;
		if (amounts.size() == 1) {
			base = estimate;
		}
		else {
			BigDecimal others = BigDecimal.ZERO;
			for (int i = 0; i < amounts.size(); i++) {
				if (i != index) {
					others = others.add(amounts.get(i));
				}
			}
			base = others.divide(BigDecimal.valueOf(amounts.size() - 1L), MathContext.DECIMAL128);
		}
		BigDecimal threshold = base.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), MathContext.DECIMAL128)
			.setScale(2, RoundingMode.HALF_UP);
		return amounts.get(index).compareTo(threshold) < 0 ? Optional.of(threshold) : Optional.empty();
	}

}
