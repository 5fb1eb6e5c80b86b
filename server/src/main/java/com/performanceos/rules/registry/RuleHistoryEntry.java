package com.performanceos.rules.registry;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One step of a rule's history: a version written, moved, published, retired or rolled back to.
 *
 * @param sequence the order of steps across the tenant
 * @param versionKey the version concerned
 * @param versionNumber its number within the rule
 * @param fromStatus its status before, or null when the step wrote it
 * @param toStatus its status after
 * @param actor who took the step
 * @param justification why, as they wrote it
 * @param occurredAt when
 */
record RuleHistoryEntry(long sequence, UUID versionKey, int versionNumber, @Nullable VersionStatus fromStatus,
		VersionStatus toStatus, String actor, String justification, Instant occurredAt) {
}
