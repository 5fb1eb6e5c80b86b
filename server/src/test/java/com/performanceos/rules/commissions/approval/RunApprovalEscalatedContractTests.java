package com.performanceos.rules.commissions.approval;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.events.DomainEvent;
import com.performanceos.platform.events.EventCodec;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link RunApprovalEscalated} as the outbox stores it: its type name, its JSON fields, and back. */
class RunApprovalEscalatedContractTests extends IntegrationTest {

	@Autowired
	private EventCodec codec;

	@Autowired
	private JsonMapper json;

	@Test
	void roundTripsThroughTheOutboxJsonUnderItsTypeAndFieldNames() {
		RunApprovalEscalated escalated = new RunApprovalEscalated(UUID.randomUUID(), "2026-03", "SUBMITTED", Instant.parse("2026-04-01T08:00:00Z"),
				Instant.parse("2026-04-04T09:00:00Z"));

		DomainEvent stored = codec.encode("tenant-a", Instant.parse("2026-04-04T09:00:00Z"), escalated);

		assertThat(stored.type()).isEqualTo("commissions.RunApprovalEscalated");
		// Sinks outside this code base read these names: they stay as they are.
		assertThat(json.readTree(stored.payload()).propertyNames()).containsExactlyInAnyOrder("runKey", "period", "status", "waitingSince",
				"escalatedAt");
		assertThat(json.readTree(stored.payload()).get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(codec.decode(stored, RunApprovalEscalated.class)).isEqualTo(escalated);
	}

}
