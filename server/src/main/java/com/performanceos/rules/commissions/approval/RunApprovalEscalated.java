package com.performanceos.rules.commissions.approval;

import java.time.Instant;
import java.util.UUID;

import com.performanceos.platform.events.EventType;

/**
 * A run waited longer than allowed for its current step (a manager, FINANCE or payment): whoever follows the approvals
 * (a notification sink, a dashboard) hears it through the outbox, once per wait.
 *
 * @param runKey the run
 * @param period its month, {@code YYYY-MM}
 * @param status the step it waits for, as the approval's status
 * @param waitingSince since when it waits
 * @param escalatedAt the instant the escalation was raised as of
 */
@EventType("commissions.RunApprovalEscalated")
public record RunApprovalEscalated(UUID runKey, String period, String status, Instant waitingSince, Instant escalatedAt) {
}
