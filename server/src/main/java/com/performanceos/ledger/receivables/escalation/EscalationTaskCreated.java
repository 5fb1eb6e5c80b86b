package com.performanceos.ledger.receivables.escalation;

import com.performanceos.ledger.receivables.invoices.Invoice;
import com.performanceos.platform.events.EventType;

/**
 * An escalation rule created a follow-up task for an overdue invoice. The same fields, with the
 * delivery's id, make the body of the rule's webhook.
 *
 * @param tenant the tenant, so a receiver shared by tenants can tell them apart
 * @param taskId the task's global id
 * @param owner who is to follow the invoice up
 * @param asOf the day the rule was run for
 * @param daysOverdue how many days the invoice was overdue on that day
 * @param openAmount what remained to be paid, a plain decimal string
 * @param currency the ISO 4217 code of the invoice's currency
 * @param rule the rule that created the task
 * @param invoice the overdue invoice
 * @param createdAt when the task was created
 */
@EventType("ledger.EscalationTaskCreated")
public record EscalationTaskCreated(String tenant, String taskId, String owner, String asOf, int daysOverdue, String openAmount,
		String currency, Rule rule, OverdueInvoice invoice, String createdAt) {

	static EscalationTaskCreated of(String tenant, EscalationTask task, EscalationRule rule, Invoice invoice) {
		return new EscalationTaskCreated(tenant, task.id(), task.owner(), task.asOf().toString(), task.daysOverdue(),
				task.openAmount().amount().toPlainString(), task.currency().getCurrencyCode(), new Rule(rule.id(), rule.name()),
				new OverdueInvoice(invoice.id(), invoice.kind().name(), invoice.number(), invoice.counterpartyCode(),
						invoice.counterpartyName(), invoice.region(), invoice.dueDate().toString(), invoice.amount().amount().toPlainString()),
				task.createdAt().toString());
	}

	/**
	 * The rule of a task.
	 *
	 * @param id its global id
	 * @param name its name
	 */
	public record Rule(String id, String name) {
	}

	/**
	 * The invoice a task follows up.
	 *
	 * @param id its global id
	 * @param kind RECEIVABLE or PAYABLE
	 * @param number its number
	 * @param counterpartyCode the customer's or supplier's code
	 * @param counterpartyName the customer's or supplier's name
	 * @param region the sales region
	 * @param dueDate the day it fell due
	 * @param amount its amount, a plain decimal string
	 */
	public record OverdueInvoice(String id, String kind, String number, String counterpartyCode, String counterpartyName, String region,
			String dueDate, String amount) {
	}

}
