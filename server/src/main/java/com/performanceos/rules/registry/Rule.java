package com.performanceos.rules.registry;

import java.time.Instant;
import java.util.UUID;

import com.performanceos.platform.graphql.GlobalId;

/**
 * A named rule of a tenant; its behaviour lives in its versions.
 *
 * @param key the primary key
 * @param name the tenant-unique name other rules and domains refer to it by
 * @param kind what its definitions are
 * @param description what the rule decides, in a sentence
 * @param createdBy who created it
 * @param createdAt when
 */
public record Rule(UUID key, String name, RuleKind kind, String description, String createdBy, Instant createdAt) {

	static final String TYPE_NAME = "Rule";

	/** The global id of the {@code Node} interface. */
	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

}
