package com.performanceos.rules.registry;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A step of the lifecycle and the rules of who may take it from where. The aggregate answer is a value:
 * {@link #check} gives null when allowed, else the refusal with its code.
 */
enum Transition {

	SUBMIT(VersionStatus.DRAFT, VersionStatus.IN_REVIEW, "rules.version.submitted"),
	SEND_BACK(VersionStatus.IN_REVIEW, VersionStatus.DRAFT, "rules.version.sent-back"),
	APPROVE(VersionStatus.IN_REVIEW, VersionStatus.APPROVED, "rules.version.approved"),
	PUBLISH(VersionStatus.APPROVED, VersionStatus.PUBLISHED, "rules.version.published"),
	RETIRE(VersionStatus.PUBLISHED, VersionStatus.RETIRED, "rules.version.retired");

	private final VersionStatus from;

	private final VersionStatus to;

	private final String auditAction;

	Transition(VersionStatus from, VersionStatus to, String auditAction) {
		this.from = from;
		this.to = to;
		this.auditAction = auditAction;
	}

	VersionStatus from() {
		return from;
	}

	VersionStatus to() {
		return to;
	}

	String auditAction() {
		return auditAction;
	}

	/** The transitions that decide on another person's work, which its author may never take. */
	private static final Set<Transition> REVIEWING = Set.of(APPROVE, SEND_BACK);

	/** A refusal of a transition: the code and a sentence naming the version. */
	record Refusal(RulesErrorCode code, String message) {
	}

	/**
	 * Whether {@code actor} may take this step on {@code version}: the status must be this step's origin, and the
	 * author of a version never reviews it (separation of duties holds for ADMIN too).
	 */
	@Nullable Refusal check(RuleVersion version, String actor) {
		if (version.status() != from) {
			return new Refusal(RulesErrorCode.ILLEGAL_TRANSITION, "Version " + version.number() + " is " + version.status()
					+ "; " + name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " needs " + from);
		}
		if (REVIEWING.contains(this) && version.author().equals(actor)) {
			return new Refusal(RulesErrorCode.SEPARATION_OF_DUTIES,
					"The author of version " + version.number() + " cannot review it: another person must");
		}
		return null;
	}

}
