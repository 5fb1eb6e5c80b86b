package com.performanceos.rules.registry;

import java.util.List;

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

	/** The duty the actor takes by this step, or null when it takes none that a separation rule names. */
	DutySeparation.@Nullable Duty duty() {
		return switch (this) {
			case APPROVE, SEND_BACK -> DutySeparation.Duty.APPROVER;
			case PUBLISH -> DutySeparation.Duty.PUBLISHER;
			case SUBMIT, RETIRE -> null;
		};
	}

	/** Only the pair that is always in force: the author never reviews their own version. */
	private static final DutySeparation MANDATORY = DutySeparation.of(List.of(), false, null, null);

	/** A refusal of a transition: the code and a sentence naming the version. */
	record Refusal(RulesErrorCode code, String message) {
	}

	/**
	 * Whether {@code actor} may take this step on {@code version}: the status must be this step's origin, and the
	 * author of a version never reviews it (separation of duties holds for ADMIN too).
	 */
	@Nullable Refusal check(RuleVersion version, String actor) {
		return check(version, actor, MANDATORY);
	}

	/**
	 * As {@link #check(RuleVersion, String)}, and no person takes a duty the separation declares incompatible with one
	 * they already hold on the version (approver and publisher, author and publisher).
	 */
	@Nullable Refusal check(RuleVersion version, String actor, DutySeparation separation) {
		if (version.status() != from) {
			return new Refusal(RulesErrorCode.ILLEGAL_TRANSITION, "Version " + version.number() + " is " + version.status()
					+ "; " + name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " needs " + from);
		}
		DutySeparation.Duty taken = duty();
		DutySeparation.Pair conflict = taken == null ? null : separation.conflict(version, actor, taken);
		if (conflict == null) {
			return null;
		}
		if (conflict.equals(DutySeparation.AUTHOR_APPROVER)) {
			return new Refusal(RulesErrorCode.SEPARATION_OF_DUTIES,
					"The author of version " + version.number() + " cannot review it: another person must");
		}
		DutySeparation.Duty held = conflict.first() == taken ? conflict.second() : conflict.first();
		return new Refusal(RulesErrorCode.SEPARATION_OF_DUTIES, "You are the " + lower(held) + " of version " + version.number()
				+ " and may not also be its " + lower(taken) + ": " + conflict.text() + " are kept apart");
	}

	private static String lower(DutySeparation.Duty duty) {
		return duty.name().toLowerCase(java.util.Locale.ROOT);
	}

}
