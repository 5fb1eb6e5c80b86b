package com.performanceos.tenders.procurement;

/** The schema's {@code TenderNature}. */
public enum TenderNature {

	WORKS, SUPPLIES, SERVICES

}
