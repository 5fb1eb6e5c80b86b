package com.performanceos.ledger.bank;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.events.DomainEvent;
import com.performanceos.platform.events.EventCodec;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link CashPositionChanged} as the outbox stores it: its type name, its JSON fields, and back. */
class CashPositionChangedContractTests extends IntegrationTest {

	@Autowired
	private EventCodec codec;

	@Autowired
	private JsonMapper json;

	@Test
	void roundTripsThroughTheOutboxJsonUnderItsTypeAndFieldNames() {
		CashPositionChanged changed = new CashPositionChanged(UUID.randomUUID(), 3, "-120.50", "EUR");

		DomainEvent stored = codec.encode("tenant-a", Instant.now(), changed);

		assertThat(stored.type()).isEqualTo("ledger.CashPositionChanged");
		assertThat(json.readTree(stored.payload()).propertyNames()).containsExactlyInAnyOrder("bankAccountKey", "transactionCount",
				"netChange", "currency");
		assertThat(json.readTree(stored.payload()).get("netChange").asString()).isEqualTo("-120.50");
		assertThat(codec.decode(stored, CashPositionChanged.class)).isEqualTo(changed);
	}

}
