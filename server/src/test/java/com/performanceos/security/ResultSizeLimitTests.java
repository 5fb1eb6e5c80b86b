package com.performanceos.security;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memory one response may take is bounded by the values it holds, whatever the operation's
 * priced cost: scalars cost 0 and list lengths are unknown before execution. The cap here (300
 * values) is small enough for the schema's own introspection, cheap to price, to exceed it.
 */
@TightLimits
class ResultSizeLimitTests extends IntegrationTest {

	@Autowired
	private MeterRegistry meters;

	@Test
	void responseHoldingMoreValuesThanTheCapIsStoppedWithATypedErrorAndNoData() {
		double before = stopped();
		String token = tokens.token(newTenant("result-size"), Role.ADMIN);
		Http.Answer answer = Http.graphQl(web, token,
				Map.of("query", "{ __schema { types { name description fields { name description args { name } } } } }"));

		assertThat(answer.status().value()).isEqualTo(200);
		assertThat(answer.firstErrorCode()).as(answer.text()).isEqualTo("RESULT_TOO_LARGE");
		assertThat(answer.json().path("errors").path(0).path("extensions").path("maxResultFields").asLong()).isEqualTo(300);
		assertThat(answer.json().path("errors").path(0).path("extensions").path("traceId").asString()).isNotBlank();
		assertThat(answer.json().path("errors")).hasSize(1);
		assertThat(answer.hasData()).isFalse();
		assertThat(stopped()).isGreaterThan(before);
	}

	@Test
	void longListsOfScalarsCountItemByItem() {
		String token = tokens.token(newTenant("result-list"), Role.ADMIN);
		// One field per type, but the list of types alone holds more items than the cap.
		Http.Answer answer = Http.graphQl(web, token, Map.of("query", "{ __schema { types { name } } }"));
		assertThat(answer.firstErrorCode()).as(answer.text()).isEqualTo("RESULT_TOO_LARGE");
	}

	@Test
	void responseWithinTheCapIsAnsweredInFull() {
		String tenant = newTenant("result-small");
		Http.Answer answer = Http.graphQl(web, tokens.token(tenant, Role.ADMIN),
				Map.of("query", "{ viewer { tenant roles } accounts(first: 5) { totalCount } }"));
		assertThat(answer.json().path("errors").isMissingNode()).as(answer.text()).isTrue();
		assertThat(answer.json().path("data").path("viewer").path("tenant").asString()).isEqualTo(tenant);
	}

	private double stopped() {
		var counter = meters.find("graphql.request.cancelled").tag("reason", "result-too-large").counter();
		return counter != null ? counter.count() : 0;
	}

}
