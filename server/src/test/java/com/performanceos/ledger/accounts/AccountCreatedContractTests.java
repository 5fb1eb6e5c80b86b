package com.performanceos.ledger.accounts;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.events.DomainEvent;
import com.performanceos.platform.events.EventCodec;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link AccountCreated} as the outbox stores it: its type name, its JSON fields, and back. */
class AccountCreatedContractTests extends IntegrationTest {

	@Autowired
	private EventCodec codec;

	@Autowired
	private JsonMapper json;

	@Test
	void roundTripsThroughTheOutboxJsonUnderItsTypeAndFieldNames() {
		AccountCreated created = new AccountCreated(UUID.randomUUID(), "512000", AccountType.ASSET, "EUR");

		DomainEvent stored = codec.encode("tenant-a", Instant.parse("2026-05-04T10:00:00Z"), created);

		assertThat(stored.type()).isEqualTo("ledger.AccountCreated");
		// Sinks outside this code base (analytics, webhooks) read these names: they stay as they were.
		assertThat(json.readTree(stored.payload()).propertyNames()).containsExactlyInAnyOrder("accountKey", "code", "type", "currency");
		assertThat(json.readTree(stored.payload()).get("accountKey").asString()).isEqualTo(created.accountKey().toString());
		assertThat(codec.decode(stored, AccountCreated.class)).isEqualTo(created);
	}

}
