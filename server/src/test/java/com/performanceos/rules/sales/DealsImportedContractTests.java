package com.performanceos.rules.sales;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.events.DomainEvent;
import com.performanceos.platform.events.EventCodec;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link DealsImported} as the outbox stores it: its type name, its JSON fields, and back. */
class DealsImportedContractTests extends IntegrationTest {

	@Autowired
	private EventCodec codec;

	@Autowired
	private JsonMapper json;

	@Test
	void roundTripsThroughTheOutboxJsonUnderItsTypeAndFieldNames() {
		DealsImported imported = new DealsImported(UUID.randomUUID().toString(), 250, "2026-01-03", "2026-03-28");

		DomainEvent stored = codec.encode("tenant-a", Instant.parse("2026-04-01T08:00:00Z"), imported);

		assertThat(stored.type()).isEqualTo("sales.DealsImported");
		assertThat(json.readTree(stored.payload()).propertyNames()).containsExactly("importKey", "dealCount", "closedFrom", "closedTo");
		assertThat(json.readTree(stored.payload()).get("dealCount").asInt()).isEqualTo(250);
		assertThat(codec.decode(stored, DealsImported.class)).isEqualTo(imported);
	}

}
