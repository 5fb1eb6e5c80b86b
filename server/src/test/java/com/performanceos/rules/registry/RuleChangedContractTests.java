package com.performanceos.rules.registry;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.events.DomainEvent;
import com.performanceos.platform.events.EventCodec;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link RuleChanged} as the outbox stores it: its type name, its JSON fields, and back. */
class RuleChangedContractTests extends IntegrationTest {

	@Autowired
	private EventCodec codec;

	@Autowired
	private JsonMapper json;

	@Test
	void roundTripsThroughTheOutboxJsonUnderItsTypeAndFieldNames() {
		RuleChanged changed = new RuleChanged(UUID.randomUUID(), UUID.randomUUID(), 3, "ROLLED_BACK");

		DomainEvent stored = codec.encode("tenant-a", Instant.parse("2026-05-04T10:00:00Z"), changed);

		assertThat(stored.type()).isEqualTo("rules.RuleChanged");
		// Sinks outside this code base read these names: they stay as they are.
		assertThat(json.readTree(stored.payload()).propertyNames()).containsExactlyInAnyOrder("ruleKey", "versionKey", "versionNumber",
				"change");
		assertThat(json.readTree(stored.payload()).get("versionNumber").asInt()).isEqualTo(3);
		assertThat(codec.decode(stored, RuleChanged.class)).isEqualTo(changed);
	}

}
