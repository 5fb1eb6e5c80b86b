package com.performanceos.ledger.receivables.escalation;

import com.performanceos.platform.events.EventType;

/**
 * Someone completed an escalation task.
 *
 * @param taskId the task's global id
 * @param status its status since (DONE)
 * @param completedBy the subject who completed it
 */
@EventType("ledger.EscalationTaskCompleted")
public record EscalationTaskCompleted(String taskId, String status, String completedBy) {
}
