package com.performanceos.tenders.procurement;

/** The schema's {@code CriterionKind}. */
public enum CriterionKind {

	PRICE, TECHNICAL

}
