package com.performanceos.rules.commissions;

/** The schema's {@code CommissionsErrorCode}: every business refusal of the commissions mutations. */
public enum CommissionsErrorCode {

	/** An input field is malformed (names the field). */
	INVALID_INPUT,
	/** The idempotency key was used before with another input. */
	IDEMPOTENCY_CONFLICT,
	/** No rule version with this id in the caller's tenant. */
	PLAN_NOT_FOUND,
	/** The version is not of a COMMISSION_PLAN rule. */
	NOT_A_COMMISSION_PLAN,
	/** Only a PUBLISHED plan version pays anyone. */
	PLAN_NOT_PUBLISHED

}
