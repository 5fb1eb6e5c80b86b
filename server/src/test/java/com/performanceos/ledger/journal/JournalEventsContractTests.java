package com.performanceos.ledger.journal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.events.DomainEvent;
import com.performanceos.platform.events.EventCodec;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The journal's posting events as the outbox stores them: type names, JSON fields, and back. */
class JournalEventsContractTests extends IntegrationTest {

	private static final JournalEntryPosted.Line LINE = new JournalEntryPosted.Line(1, UUID.randomUUID().toString(), "DEBIT", "12.50",
			"EUR", List.of(new JournalEntryPosted.Dimension("REGION", "ARA")));

	@Autowired
	private EventCodec codec;

	@Autowired
	private JsonMapper json;

	@Test
	void journalEntryPostedRoundTripsUnderItsTypeAndFieldNames() {
		JournalEntryPosted posted = new JournalEntryPosted(UUID.randomUUID().toString(), "2026-05-04", "Sale", "", List.of(LINE), "");

		DomainEvent stored = codec.encode("tenant-a", Instant.now(), posted);

		assertThat(stored.type()).isEqualTo("ledger.JournalEntryPosted");
		JsonNode payload = json.readTree(stored.payload());
		assertThat(payload.propertyNames()).containsExactlyInAnyOrder("entryKey", "effectiveDate", "description", "reversalOf", "lines",
				"batchKey");
		assertThat(payload.get("lines").get(0).propertyNames()).containsExactlyInAnyOrder("lineNumber", "accountKey", "side", "amount",
				"currency", "dimensions");
		assertThat(payload.get("lines").get(0).get("amount").asString()).isEqualTo("12.50");
		assertThat(codec.decode(stored, JournalEntryPosted.class)).isEqualTo(posted);
	}

	@Test
	void journalEntriesPostedRoundTripsUnderItsTypeAndFieldNames() {
		JournalEntriesPosted batch = new JournalEntriesPosted(UUID.randomUUID().toString(), List.of(
				new JournalEntryPosted.Entry(UUID.randomUUID().toString(), "2026-05-04", "Sale", "", List.of(LINE))));

		DomainEvent stored = codec.encode("tenant-a", Instant.now(), batch);

		assertThat(stored.type()).isEqualTo("ledger.JournalEntriesPosted");
		assertThat(json.readTree(stored.payload()).propertyNames()).containsExactlyInAnyOrder("batchKey", "entries");
		assertThat(codec.decode(stored, JournalEntriesPosted.class)).isEqualTo(batch);
	}

}
