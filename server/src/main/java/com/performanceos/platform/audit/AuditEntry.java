package com.performanceos.platform.audit;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One business action to record.
 *
 * @param actor who did it (the token's subject)
 * @param action what was done, e.g. {@code ledger.account.created}
 * @param targetType the kind of object acted on, e.g. {@code Account}
 * @param targetId the acted-on object's global id, when there is one
 * @param sourceAddress the caller's network address, when known
 * @param before the object before the action (serialised to JSON), or null when it did not exist
 * @param after the object after the action (serialised to JSON), or null when it no longer exists
 */
public record AuditEntry(String actor, String action, String targetType, @Nullable String targetId,
		@Nullable String sourceAddress, @Nullable Object before, @Nullable Object after) {

	public AuditEntry {
		Objects.requireNonNull(actor, "actor");
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(targetType, "targetType");
	}

}
