package com.performanceos.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The authenticated caller of one request: who, in which tenant, with which roles. It is built
 * from the token only; no request argument can change the tenant.
 *
 * @param subject the token's subject (a user or a machine client)
 * @param tenant the tenant every read and write is confined to
 * @param roles the roles the caller holds, possibly none
 */
public record Viewer(String subject, String tenant, Set<Role> roles) {

	/** Key of the viewer in the GraphQL context, for {@code @ContextValue Viewer viewer}. */
	public static final String CONTEXT_KEY = "viewer";

	public Viewer {
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(tenant, "tenant");
		if (tenant.isBlank()) {
			throw new IllegalArgumentException("A viewer needs a tenant");
		}
		roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
	}

	/** Whether the caller holds at least one of the given roles. */
	public boolean hasAnyRole(Collection<Role> allowed) {
		for (Role role : allowed) {
			if (roles.contains(role)) {
				return true;
			}
		}
		return false;
	}

}
