package com.performanceos.ledger.receivables.escalation;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.events.DomainEvent;
import com.performanceos.platform.events.EventCodec;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The escalation events as the outbox stores them (and webhooks receive them): type names, JSON fields, and back. */
class EscalationEventsContractTests extends IntegrationTest {

	@Autowired
	private EventCodec codec;

	@Autowired
	private JsonMapper json;

	@Test
	void escalationTaskCreatedRoundTripsUnderItsTypeAndFieldNames() {
		EscalationTaskCreated created = new EscalationTaskCreated("tenant-a", "RXNjYWxhdGlvblRhc2s6MQ==", "recouvrement@example.com",
				"2026-06-20", 17, "1000.50", "EUR", new EscalationTaskCreated.Rule("RXNjYWxhdGlvblJ1bGU6MQ==", "Relance J+15"),
				new EscalationTaskCreated.OverdueInvoice("SW52b2ljZTox", "RECEIVABLE", "F-2026-001", "C001", "Durand SA", "ARA", "2026-06-03",
						"1200.50"),
				"2026-06-20T06:00:00Z");

		DomainEvent stored = codec.encode("tenant-a", Instant.parse("2026-06-20T06:00:00Z"), created);

		assertThat(stored.type()).isEqualTo("ledger.EscalationTaskCreated");
		JsonNode payload = json.readTree(stored.payload());
		assertThat(payload.propertyNames()).containsExactly("tenant", "taskId", "owner", "asOf", "daysOverdue", "openAmount", "currency",
				"rule", "invoice", "createdAt");
		assertThat(payload.get("rule").propertyNames()).containsExactly("id", "name");
		assertThat(payload.get("invoice").propertyNames()).containsExactly("id", "kind", "number", "counterpartyCode", "counterpartyName",
				"region", "dueDate", "amount");
		assertThat(payload.get("daysOverdue").asInt()).isEqualTo(17);
		assertThat(codec.decode(stored, EscalationTaskCreated.class)).isEqualTo(created);
	}

	@Test
	void escalationTaskCompletedRoundTripsUnderItsTypeAndFieldNames() {
		EscalationTaskCompleted completed = new EscalationTaskCompleted("RXNjYWxhdGlvblRhc2s6MQ==", "DONE", "user-1");

		DomainEvent stored = codec.encode("tenant-a", Instant.parse("2026-06-21T09:00:00Z"), completed);

		assertThat(stored.type()).isEqualTo("ledger.EscalationTaskCompleted");
		assertThat(json.readTree(stored.payload()).propertyNames()).containsExactly("taskId", "status", "completedBy");
		assertThat(codec.decode(stored, EscalationTaskCompleted.class)).isEqualTo(completed);
	}

}
