package com.performanceos.tenders.organisations;

/** The schema's {@code OrganisationKind}. */
public enum OrganisationKind {

	COMMUNE, DEPARTEMENT, REGION, EPCI, ETABLISSEMENT_PUBLIC, CENTRAL_GOVERNMENT, UTILITY, COMPANY;

	/** Whether an organisation of this kind buys (runs tenders) rather than bids. */
	public boolean buyer() {
		return this != COMPANY;
	}

}
