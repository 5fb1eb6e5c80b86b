package com.performanceos.rules.commissions.approval;

import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A step of a run's approval and the statuses it starts from ({@code null} in {@link #from} stands for a run never
 * submitted). Signing steps count for separation of duties: one person signs at most one step per cycle.
 */
enum ApprovalAction {

	SUBMIT(true, "commissions.run.submitted"),
	MANAGER_APPROVE(true, "commissions.run.manager-approved"),
	FINANCE_APPROVE(true, "commissions.run.approved"),
	PAY(true, "commissions.run.paid"),
	RETURN(false, "commissions.run.returned"),
	REVERSE(false, "commissions.run.reversed"),
	ESCALATE(false, "commissions.run.escalated");

	private final boolean signs;

	private final String auditAction;

	ApprovalAction(boolean signs, String auditAction) {
		this.signs = signs;
		this.auditAction = auditAction;
	}

	boolean signs() {
		return signs;
	}

	String auditAction() {
		return auditAction;
	}

	/** Whether the step may start from the status (null: never submitted). */
	boolean startsFrom(@Nullable ApprovalStatus status) {
		if (this == SUBMIT) {
			return status == null || status == ApprovalStatus.RETURNED;
		}
		return status != null && from().contains(status);
	}

	private Set<ApprovalStatus> from() {
		return switch (this) {
			case SUBMIT -> EnumSet.of(ApprovalStatus.RETURNED);
			case MANAGER_APPROVE -> EnumSet.of(ApprovalStatus.SUBMITTED);
			case FINANCE_APPROVE -> EnumSet.of(ApprovalStatus.MANAGER_APPROVED);
			case PAY, REVERSE -> EnumSet.of(ApprovalStatus.APPROVED);
			case RETURN -> EnumSet.of(ApprovalStatus.SUBMITTED, ApprovalStatus.MANAGER_APPROVED);
			case ESCALATE -> EnumSet.of(ApprovalStatus.SUBMITTED, ApprovalStatus.MANAGER_APPROVED, ApprovalStatus.APPROVED);
		};
	}

	String verb() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
	}

}
