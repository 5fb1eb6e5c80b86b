package com.performanceos.scenarios.sharing;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.security.Role;

/**
 * A read-only link to one saved version, for holders of one role, until it expires or is revoked. The
 * token itself is not part of it: only its hash is stored.
 */
record ShareLink(UUID key, UUID versionKey, Role role, Instant expiresAt, @Nullable Instant revokedAt, @Nullable String revokedBy,
		String createdBy, Instant createdAt) {

	static final String TYPE_NAME = "ScenarioShareLink";

	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

	/** Why the link does not open for a viewer with these roles at {@code now}, or null when it does. */
	@Nullable Refusal refusal(java.util.Set<Role> roles, Instant now) {
		if (revokedAt != null) {
			return Refusal.REVOKED;
		}
		if (!now.isBefore(expiresAt)) {
			return Refusal.EXPIRED;
		}
		return roles.contains(role) ? null : Refusal.WRONG_ROLE;
	}

	/** Why a link was refused; recorded in the audit log. */
	enum Refusal {

		UNKNOWN, REVOKED, EXPIRED, WRONG_ROLE

	}

}
