package com.performanceos.rules.commissions.approval;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One step taken on a run's approval (the schema's {@code CommissionApprovalStep}).
 *
 * @param seq 1, 2, ... within the run
 * @param cycle the approval cycle it belongs to (a return starts the next)
 * @param action what was done
 * @param actor who did it
 * @param reps the reps a manager signed for; empty for other steps
 * @param comment the optional comment, or the reason of a return or reversal
 * @param at when
 */
record ApprovalStep(int seq, int cycle, ApprovalAction action, String actor, List<String> reps, @Nullable String comment, Instant at) {
}
