package com.performanceos.ledger.imports;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.events.DomainEvent;
import com.performanceos.platform.events.EventCodec;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ImportCompleted} as the outbox stores it: its type name, its JSON fields (no file name), and back. */
class ImportCompletedContractTests extends IntegrationTest {

	@Autowired
	private EventCodec codec;

	@Autowired
	private JsonMapper json;

	@Test
	void roundTripsThroughTheOutboxJsonUnderItsTypeAndFieldNames() {
		ImportCompleted completed = new ImportCompleted(UUID.randomUUID().toString(), "DEALS", "ab".repeat(32), 1200);

		DomainEvent stored = codec.encode("tenant-a", Instant.parse("2026-05-04T10:00:00Z"), completed);

		assertThat(stored.type()).isEqualTo("ledger.ImportCompleted");
		JsonNode payload = json.readTree(stored.payload());
		assertThat(payload.propertyNames()).containsExactlyInAnyOrder("importKey", "kind", "sha256", "recordCount");
		assertThat(payload.get("recordCount").asLong()).isEqualTo(1200);
		assertThat(codec.decode(stored, ImportCompleted.class)).isEqualTo(completed);
	}

}
