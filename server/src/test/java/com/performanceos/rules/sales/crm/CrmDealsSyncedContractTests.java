package com.performanceos.rules.sales.crm;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.events.DomainEvent;
import com.performanceos.platform.events.EventCodec;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link CrmDealsSynced} as the outbox stores it: its type name, its JSON fields, and back. */
class CrmDealsSyncedContractTests extends IntegrationTest {

	@Autowired
	private EventCodec codec;

	@Autowired
	private JsonMapper json;

	@Test
	void roundTripsThroughTheOutboxJsonUnderItsTypeAndFieldNames() {
		CrmDealsSynced synced = new CrmDealsSynced("Q3JtU3luYzox", "HUBSPOT", 12, "2026-10-01", "2026-12-31");

		DomainEvent stored = codec.encode("tenant-a", Instant.parse("2026-11-01T08:00:00Z"), synced);

		assertThat(stored.type()).isEqualTo("sales.CrmDealsSynced");
		assertThat(json.readTree(stored.payload()).propertyNames()).containsExactly("syncId", "provider", "dealCount", "closedFrom",
				"closedTo");
		assertThat(json.readTree(stored.payload()).get("dealCount").asInt()).isEqualTo(12);
		assertThat(codec.decode(stored, CrmDealsSynced.class)).isEqualTo(synced);
	}

}
