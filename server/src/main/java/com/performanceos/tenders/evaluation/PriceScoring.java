package com.performanceos.tenders.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;

import com.performanceos.tenders.procurement.PriceScoringMethod;

/**
 * Price scores out of the price criterion's weight. The lowest price always gets the full points (CE,
 * 29 October 2013, n° 370789): with {@code LOWEST_PRICE_RATIO}, points × lowest / price (the DAJ's usual
 * formula); with {@code LINEAR}, full points at the lowest price down to zero at the highest. Scores are
 * rounded half up to two decimals, as shown in the bid analysis report.
 */
final class PriceScoring {

	static final int SCALE = 2;

	private PriceScoring() {
	}

	static BigDecimal score(PriceScoringMethod method, int points, BigDecimal price, Collection<BigDecimal> allPrices) {
		if (allPrices.isEmpty() || price.signum() <= 0) {
			throw new IllegalArgumentException("Scoring needs the positive prices of the offers compared");
		}
		BigDecimal lowest = allPrices.stream().min(BigDecimal::compareTo).orElseThrow();
		BigDecimal highest = allPrices.stream().max(BigDecimal::compareTo).orElseThrow();
		BigDecimal full = BigDecimal.valueOf(points);
		BigDecimal score = switch (method) {
			case LOWEST_PRICE_RATIO -> full.multiply(lowest).divide(price, MathContext.DECIMAL128);
			case LINEAR -> highest.compareTo(lowest) == 0 ? full
					: full.multiply(highest.subtract(price)).divide(highest.subtract(lowest), MathContext.DECIMAL128);
		};
		return score.setScale(SCALE, RoundingMode.HALF_UP);
	}

}
