package com.performanceos.tenders.procurement;

/** The schema's {@code PriceScoringMethod}. */
public enum PriceScoringMethod {

	LOWEST_PRICE_RATIO, LINEAR

}
