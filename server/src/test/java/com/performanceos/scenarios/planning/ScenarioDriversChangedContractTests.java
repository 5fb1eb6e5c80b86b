package com.performanceos.scenarios.planning;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.events.DomainEvent;
import com.performanceos.platform.events.EventCodec;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ScenarioDriversChanged} as the outbox stores it: its type name, its JSON fields, and back. */
class ScenarioDriversChangedContractTests extends IntegrationTest {

	@Autowired
	private EventCodec codec;

	@Autowired
	private JsonMapper json;

	@Test
	void roundTripsThroughTheOutboxJsonUnderItsTypeAndFieldNames() {
		ScenarioDriversChanged changed = new ScenarioDriversChanged("U2NlbmFyaW86MQ", 3, "finance@tenant");

		DomainEvent stored = codec.encode("tenant-a", Instant.parse("2026-05-04T10:00:00Z"), changed);

		assertThat(stored.type()).isEqualTo("scenarios.ScenarioDriversChanged");
		assertThat(json.readTree(stored.payload()).propertyNames()).containsExactlyInAnyOrder("scenarioId", "revision", "changedBy");
		assertThat(json.readTree(stored.payload()).get("revision").asInt()).isEqualTo(3);
		assertThat(codec.decode(stored, ScenarioDriversChanged.class)).isEqualTo(changed);
	}

}
