package com.performanceos.rules.registry;

import java.util.UUID;

import com.performanceos.platform.events.EventType;

/**
 * The version in force of a rule may have changed: a version was published, retired, or republished by a rollback.
 * Live editors (the {@code ruleChanged} subscription) refresh on it; evaluation does not need it (it reads the version
 * in force from PostgreSQL every time).
 *
 * @param ruleKey the rule
 * @param versionKey the version published, retired or written by the rollback
 * @param versionNumber its number within the rule
 * @param change what happened: {@code PUBLISHED}, {@code RETIRED} or {@code ROLLED_BACK}
 */
@EventType("rules.RuleChanged")
public record RuleChanged(UUID ruleKey, UUID versionKey, int versionNumber, String change) {

	static RuleChanged of(RuleVersion version, String change) {
		return new RuleChanged(version.ruleKey(), version.key(), version.number(), change);
	}

}
