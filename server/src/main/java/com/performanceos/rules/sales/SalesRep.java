package com.performanceos.rules.sales;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.GlobalId;

/**
 * A sales rep (the schema's {@code SalesRep}): named by code in deals and quotas.
 *
 * @param key its primary key
 * @param code how deals and quotas name it
 * @param name the person's name
 * @param role AE, SDR, CSM, SE, MANAGER or OTHER
 * @param subject the token subject the person signs in with, if they do
 */
public record SalesRep(UUID key, String code, String name, String role, @Nullable String subject) {

	static final String TYPE_NAME = "SalesRep";

	/** The roles a rep may have. */
	public static final java.util.Set<String> ROLES = java.util.Set.of("AE", "SDR", "CSM", "SE", "MANAGER", "OTHER");

	/** The global id of the {@code Node} interface. */
	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

}
