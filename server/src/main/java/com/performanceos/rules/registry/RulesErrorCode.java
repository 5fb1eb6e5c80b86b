package com.performanceos.rules.registry;

/** The schema's {@code RulesErrorCode}: every business refusal of the rules registry, one enum for the domain. */
public enum RulesErrorCode {

	/** An input field is malformed (names the field). */
	INVALID_INPUT,
	/** The idempotency key was used before with another input. */
	IDEMPOTENCY_CONFLICT,
	/** Another rule of the tenant already has this name. */
	DUPLICATE_RULE_NAME,
	/** No rule with this id in the caller's tenant. */
	RULE_NOT_FOUND,
	/** No version with this id (or number) in the caller's tenant. */
	VERSION_NOT_FOUND,
	/** The definition does not compile: type error, bad cell, overlapping UNIQUE rows, refused JDM node. */
	INVALID_DEFINITION,
	/** A definition, table, graph, example list or batch is larger than the registry allows. */
	LIMIT_EXCEEDED,
	/** The lifecycle does not allow this step from the version's status. */
	ILLEGAL_TRANSITION,
	/** The caller wrote the version and may not also approve it. */
	SEPARATION_OF_DUTIES,
	/** A stored example does not give its expected output (names the example). */
	EXAMPLE_FAILED,
	/** Only a version that was published can be rolled back to. */
	NOT_A_ROLLBACK_TARGET,
	/** No published version of the rule is in force on the date asked for. */
	NO_VERSION_IN_FORCE,
	/** The evaluation took more steps than allowed (a runaway expression). */
	STEP_LIMIT_EXCEEDED,
	/** The evaluation ran past its deadline. */
	TIMEOUT,
	/** A value had the wrong type, or an operation was undefined for it. */
	EVALUATION_ERROR,
	/** A hit policy's condition failed: UNIQUE with several matches, ANY with differing outputs. */
	HIT_POLICY_VIOLATION,
	/** A sub-decision names a rule the registry cannot resolve. */
	UNRESOLVED_DECISION,
	/** Publishing would make sub-decisions call each other in a circle (names the circle). */
	SUB_DECISION_CYCLE,
	/** A module's publication gate refuses the version (commissions: a shadow difference above the threshold, not approved). */
	PUBLICATION_BLOCKED

}
