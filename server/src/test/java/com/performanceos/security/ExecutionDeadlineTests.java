package com.performanceos.security;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operation that runs past {@code max-execution-time} is cancelled and answered with a typed
 * error. The deadline here (1 ms) is shorter than any real execution, so every operation hits it.
 */
@TestPropertySource(properties = "performanceos.limits.max-execution-time=1ms")
class ExecutionDeadlineTests extends IntegrationTest {

	@Autowired
	private MeterRegistry meters;

	@Test
	void operationPastTheDeadlineIsCancelledWithATypedError() {
		double before = cancelledByDeadline();
		String tenant = newTenant("deadline");
		Http.Answer answer = Http.graphQl(web, tokens.token(tenant, Role.ADMIN),
				Map.of("query", "{ viewer { tenant } accounts(first: 100) { totalCount nodes { id name } } }"));

		assertThat(answer.status().value()).isEqualTo(200);
		assertThat(answer.firstErrorCode()).as(answer.text()).isEqualTo("EXECUTION_TIMEOUT");
		assertThat(answer.json().path("errors").path(0).path("extensions").path("traceId").asString()).isNotBlank();
		assertThat(answer.hasData()).isFalse();
		assertThat(cancelledByDeadline()).isGreaterThan(before);
	}

	private double cancelledByDeadline() {
		var counter = meters.find("graphql.request.cancelled").tag("reason", "deadline").counter();
		return counter != null ? counter.count() : 0;
	}

}
