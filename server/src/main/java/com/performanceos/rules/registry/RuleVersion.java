package com.performanceos.rules.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.GlobalId;

/**
 * One version of a rule. Its content (definition, examples, author, origin, interval) is fixed when it is
 * written; only its status moves, by {@link Transition}s. A compiled version can therefore be cached by id.
 *
 * @param key the primary key
 * @param ruleKey the rule it belongs to
 * @param kind the rule's kind
 * @param number 1, 2, ... within the rule
 * @param status where it stands in the lifecycle
 * @param definitionText the definition's canonical JSON text (a JDM graph is kept as imported)
 * @param definitionSha256 SHA-256 of {@code definitionText}, hex
 * @param examples the examples it must pass to be published
 * @param author who wrote it
 * @param origin HUMAN or AI
 * @param aiModel the model name and version, when an AI proposed it
 * @param aiJustification why the AI proposed it
 * @param changeNote what changed and why
 * @param validFrom first day it may be in force
 * @param validTo last day it may be in force, or open-ended
 * @param rollbackOf the version it republishes, for a rollback
 * @param createdAt when it was written
 * @param approvedBy who approved it
 * @param publishedBy who published it
 * @param publishedAt when
 */
public record RuleVersion(UUID key, UUID ruleKey, RuleKind kind, int number, VersionStatus status, String definitionText,
		String definitionSha256, List<RuleExample> examples, String author, RuleOrigin origin, @Nullable String aiModel,
		@Nullable String aiJustification, String changeNote, LocalDate validFrom, @Nullable LocalDate validTo,
		@Nullable UUID rollbackOf, Instant createdAt, @Nullable String approvedBy, @Nullable String publishedBy,
		@Nullable Instant publishedAt) {

	static final String TYPE_NAME = "RuleVersion";

	/** The global id of the {@code Node} interface. */
	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

	/** Whether the version's interval holds the day. */
	boolean inForceOn(LocalDate day) {
		return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
	}

}
