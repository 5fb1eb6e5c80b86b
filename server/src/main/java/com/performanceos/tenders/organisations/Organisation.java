package com.performanceos.tenders.organisations;

import java.util.UUID;

import com.performanceos.platform.graphql.GlobalId;

/**
 * The organisation of a tenant.
 *
 * @param key the primary key
 * @param siret its SIRET
 * @param name the legal name
 * @param kind a buyer kind or {@code COMPANY}
 * @param sme whether a company is an SME
 */
public record Organisation(UUID key, Siret siret, String name, OrganisationKind kind, boolean sme) {

	static final String TYPE_NAME = "Organisation";

	/** The global id of the {@code Node} interface. */
	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

	/** The SIREN, derived from the SIRET. */
	public String siren() {
		return siret.siren();
	}

}
