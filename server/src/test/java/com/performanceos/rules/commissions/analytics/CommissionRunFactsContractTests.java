package com.performanceos.rules.commissions.analytics;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.analytics.AnalyticsEvent;
import com.performanceos.platform.events.DomainEvent;
import com.performanceos.platform.events.EventCodec;
import com.performanceos.rules.commissions.runs.CommissionRunFacts;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link CommissionRunFacts} as the outbox stores it, and the facts the analytics projection makes of it. */
class CommissionRunFactsContractTests extends IntegrationTest {

	@Autowired
	private EventCodec codec;

	@Autowired
	private JsonMapper json;

	@Autowired
	private CommissionFacts projection;

	@Test
	void roundTripsThroughTheOutboxJsonAndProjectsOneIdempotentFactPerKey() {
		CommissionRunFacts facts = new CommissionRunFacts("Q2FsY3VsYXRpb25SdW46MQ", "2026-03", 0,
				List.of(new CommissionRunFacts.Fact("ana", "max", "Pro", "FR", "DIRECT", "4000.000000", "40000", 1, "EUR")));

		DomainEvent stored = codec.encode("tenant-a", Instant.parse("2026-04-01T10:00:00Z"), facts);

		assertThat(stored.type()).isEqualTo("commissions.CommissionRunFacts");
		assertThat(json.readTree(stored.payload()).propertyNames()).containsExactlyInAnyOrder("runId", "period", "part", "facts");
		assertThat(json.readTree(stored.payload()).get("facts").get(0).propertyNames()).containsExactlyInAnyOrder("rep", "team", "product",
				"region", "kind", "amount", "credited", "lines", "currency");
		assertThat(codec.decode(stored, CommissionRunFacts.class)).isEqualTo(facts);
		List<AnalyticsEvent> projected = projection.project(stored);
		assertThat(projected).singleElement().satisfies(fact -> {
			assertThat(fact.attributes()).containsEntry("rep", "ana").containsEntry("team", "max").containsEntry("line_count", 1L)
				.containsEntry("period_start", java.time.LocalDate.parse("2026-03-01"));
			assertThat(fact.type()).isEqualTo("commissions.Result");
		});
		assertThat(projection.project(stored).getFirst().eventId()).isEqualTo(projected.getFirst().eventId());
	}

}
