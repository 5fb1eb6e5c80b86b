package com.performanceos.ledger.receivables.escalation;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** The escalation mutations' payloads, as bound to the schema. */
final class EscalationPayloads {

	private EscalationPayloads() {
	}

	/** {@code EscalationRulePayload}. */
	record Rule(@Nullable EscalationRule rule, List<EscalationError> userErrors) {

		static Rule of(EscalationRule rule) {
			return new Rule(rule, List.of());
		}

		static Rule failed(List<EscalationError> errors) {
			return new Rule(null, errors);
		}

	}

	/** {@code RunEscalationsPayload}. */
	record Run(LocalDate asOf, int createdTaskCount, int deliveredNotificationCount, int pendingNotificationCount,
			List<EscalationError> userErrors) {
	}

	/** {@code CompleteEscalationTaskPayload}. */
	record Complete(@Nullable EscalationTask task, List<EscalationError> userErrors) {

		static Complete failed(EscalationError error) {
			return new Complete(null, List.of(error));
		}

	}

}
