package com.performanceos.scenarios.dunning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.performanceos.ledger.receivables.invoices.OpenInvoices;

/**
 * What one run must do on a day, decided without a database: which steps fall due (at most one is
 * sent per invoice, the latest; earlier unsent ones are skipped so a customer never receives two
 * reminders of one invoice at once) and which messaged invoices are settled, so their cadence stops.
 */
final class DunningPlan {

	private DunningPlan() {
	}

	/** A step already recorded for an invoice, whatever its status. */
	record Recorded(UUID invoiceKey, String invoiceNumber, int step) {
	}

	/** A step to record now: sent when {@code skipped} is false. Steps are numbered from 1. */
	record Due(OpenInvoices.Item invoice, DunningContact contact, String segment, int step, DunningStep definition, boolean skipped) {
	}

	/**
	 * @param due the steps to record, at most {@code sendMax} of them to send
	 * @param settled invoices that were messaged and are no longer open, by key, with their number
	 */
	record Plan(List<Due> due, Map<UUID, String> settled) {
	}

	static Plan plan(LocalDate asOf, List<OpenInvoices.Item> open, Map<String, DunningContact> contacts,
			Map<String, DunningCadence> cadences, List<Recorded> recorded, Set<UUID> stopped, int sendMax) {
		Map<UUID, Integer> lastRecorded = new HashMap<>();
		Map<UUID, String> messaged = new LinkedHashMap<>();
		for (Recorded each : recorded) {
			lastRecorded.merge(each.invoiceKey(), each.step(), Math::max);
			messaged.put(each.invoiceKey(), each.invoiceNumber());
		}
		List<Due> due = new ArrayList<>();
		int toSend = 0;
		Set<UUID> stillOpen = new java.util.HashSet<>();
		for (OpenInvoices.Item invoice : open) {
			stillOpen.add(invoice.key());
			DunningContact contact = contacts.get(invoice.counterpartyCode());
			DunningCadence cadence = contact == null ? null : cadences.get(contact.segment());
			if (cadence == null || stopped.contains(invoice.key()) || toSend >= sendMax) {
				continue;
			}
			// A step later than the last one recorded: a cadence edited to add an earlier step does not send it late.
			int after = lastRecorded.getOrDefault(invoice.key(), 0);
			int latestDue = 0;
			for (int index = after; index < cadence.steps().size(); index++) {
				if (!cadence.steps().get(index).dayFor(invoice.dueDate()).isAfter(asOf)) {
					latestDue = index + 1;
				}
			}
			for (int step = after + 1; step <= latestDue; step++) {
				due.add(new Due(invoice, contact, cadence.segment(), step, cadence.steps().get(step - 1), step < latestDue));
			}
			if (latestDue > after) {
				toSend++;
			}
		}
		Map<UUID, String> settled = new LinkedHashMap<>();
		messaged.forEach((key, number) -> {
			if (!stillOpen.contains(key) && !stopped.contains(key)) {
				settled.put(key, number);
			}
		});
		return new Plan(List.copyOf(due), settled);
	}

}
