package com.performanceos.tenders.watch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.events.DomainEvent;
import com.performanceos.platform.events.EventCodec;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link TenderMatched} as the outbox stores it: its type name, its JSON fields, and back. */
class TenderMatchedContractTests extends IntegrationTest {

	@Autowired
	private EventCodec codec;

	@Autowired
	private JsonMapper json;

	@Test
	void roundTripsThroughTheOutboxJsonUnderItsTypeAndFieldNames() {
		TenderMatched matched = new TenderMatched(UUID.randomUUID(), "voirie", UUID.randomUUID(), "BOAMP", "26-104233",
				"Travaux de voirie", "Commune de Villeurbanne", List.of("45233140"), List.of("69"), "120000.00",
				Instant.parse("2026-11-14T11:00:00Z"), "https://www.boamp.fr/pages/avis/?q=idweb:26-104233", LocalDate.parse("2026-10-12"), 100,
				"keywords 1/1 (voirie); department 69");

		DomainEvent stored = codec.encode("tenant-a", Instant.now(), matched);

		assertThat(stored.type()).isEqualTo("tenders.TenderMatched");
		assertThat(json.readTree(stored.payload()).propertyNames()).containsExactlyInAnyOrder("searchKey", "searchName", "noticeKey", "source",
				"sourceId", "title", "buyerName", "cpvCodes", "departments", "value", "deadline", "url", "publishedOn", "score", "explanation");
		assertThat(json.readTree(stored.payload()).get("value").asString()).isEqualTo("120000.00");
		assertThat(codec.decode(stored, TenderMatched.class)).isEqualTo(matched);
	}

}
