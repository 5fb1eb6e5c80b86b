package com.performanceos.rules.commissions.approval;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A run's approval (the schema's {@code CommissionRunApproval}) and the rules of who may take which step: the status
 * must be the step's origin, and one person signs at most one step of a cycle, so the submitter never approves and the
 * approvers never pay. A run without an approval is {@code null} and may only be submitted ({@link #refusal(RunApproval,
 * ApprovalAction, String)}).
 *
 * @param runKey the run
 * @param status where it stands
 * @param cycle 1, then one more after each return
 * @param waitingSince since when it waits for its current step
 * @param escalatedAt when the current wait was escalated, if it was
 * @param accrualEntries the journal entries FINANCE's approval posted
 * @param reversalEntries the journal entries the reversal posted
 * @param steps every step, in order
 */
record RunApproval(UUID runKey, ApprovalStatus status, int cycle, Instant waitingSince, @Nullable Instant escalatedAt,
		List<UUID> accrualEntries, List<UUID> reversalEntries, List<ApprovalStep> steps) {

	/** Why {@code actor} may not take the step on the approval ({@code null}: never submitted); null when allowed. */
	static @Nullable CommissionApprovalError refusal(@Nullable RunApproval approval, ApprovalAction action, String actor) {
		ApprovalStatus status = approval == null ? null : approval.status();
		if (!action.startsFrom(status)) {
			return CommissionApprovalError.at(ApprovalErrorCode.ILLEGAL_TRANSITION, "The run is " + (status == null ? "not submitted" : status)
					+ ": it cannot be " + past(action) + " now", "runId");
		}
		if (approval != null && action.signs() && action != ApprovalAction.SUBMIT) {
			ApprovalStep signed = approval.signedBy(actor);
			if (signed != null) {
				return CommissionApprovalError.at(ApprovalErrorCode.SEPARATION_OF_DUTIES, "You took the " + signed.action().verb()
						+ " step of this run's approval; another person must take the " + action.verb() + " step", "runId");
			}
		}
		return null;
	}

	/** The signing step {@code actor} took in the current cycle, or null. */
	@Nullable ApprovalStep signedBy(String actor) {
		for (ApprovalStep step : steps) {
			if (step.cycle() == cycle && step.action().signs() && step.actor().equals(actor)) {
				return step;
			}
		}
		return null;
	}

	/** The reps the managers signed for in the current cycle. */
	Set<String> signedReps() {
		Set<String> reps = new TreeSet<>();
		steps.stream().filter(step -> step.cycle() == cycle && step.action() == ApprovalAction.MANAGER_APPROVE).forEach(step -> reps.addAll(step.reps()));
		return reps;
	}

	/**
	 * The approval as a manager of {@code team} (the run's reps in their team as of the period) reads it: every step
	 * stays, so the progress shows, but another manager's sign-off lists only the reps of {@code team} it covered, and
	 * its comment is withheld (it is about that manager's team).
	 */
	RunApproval readableBy(String subject, Set<String> team) {
		List<ApprovalStep> narrowed = steps.stream()
			.map(step -> step.action() != ApprovalAction.MANAGER_APPROVE ? step
					: new ApprovalStep(step.seq(), step.cycle(), step.action(), step.actor(),
							step.reps().stream().filter(team::contains).toList(), step.actor().equals(subject) ? step.comment() : null, step.at()))
			.toList();
		return new RunApproval(runKey, status, cycle, waitingSince, escalatedAt, accrualEntries, reversalEntries, narrowed);
	}

	/** The step number the next step takes. */
	int nextSeq() {
		return steps.isEmpty() ? 1 : steps.getLast().seq() + 1;
	}

	private static String past(ApprovalAction action) {
		return switch (action) {
			case SUBMIT -> "submitted";
			case MANAGER_APPROVE -> "approved by a manager";
			case FINANCE_APPROVE -> "approved by FINANCE";
			case PAY -> "marked paid";
			case RETURN -> "returned";
			case REVERSE -> "reversed";
			case ESCALATE -> "escalated";
		};
	}

}
