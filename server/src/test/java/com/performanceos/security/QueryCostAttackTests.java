package com.performanceos.security;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Documents that are small to send and enormous to run: each fragment spreads the one before it
 * twice, so the operation expands to 2<sup>depth</sup> fields. They must be refused with a cost
 * error before graphql-java validates or normalizes them (which took tens of seconds of CPU and
 * ended in OutOfMemoryError), and the server must answer normally afterwards.
 */
class QueryCostAttackTests extends IntegrationTest {

	/** Far above the 50 ms the refusal takes, so a loaded machine never fails it; bench/ measures. */
	private static final long REFUSAL_BOUND_MS = 2_000;

	@Test
	void fragmentBombIsRefusedBeforeExecutionWithACostError() {
		for (int depth : new int[] { 23, 40, 200 }) {
			refusedQuickly(fragmentBomb(depth, "viewer { tenant }"));
		}
	}

	@Test
	void fiftyAliasesOverNestedFragmentsAreRefusedBeforeExecution() {
		StringBuilder aliases = new StringBuilder();
		for (int alias = 0; alias < 50; alias++) {
			aliases.append("a").append(alias).append(": viewer { tenant } ");
		}
		refusedQuickly(fragmentBomb(19, aliases.toString()));
	}

	@Test
	void introspectionIsCountedLikeAnyOtherSelection() {
		refusedQuickly(fragmentBomb(30, "__schema { types { name } }"));
	}

	@Test
	void anOrdinaryDocumentWithFragmentsStillRuns() {
		String tenant = newTenant("bomb-ok");
		Http.Answer answer = Http.graphQl(web, tokens.token(tenant, Role.ADMIN),
				Map.of("query", fragmentBomb(4, "viewer { tenant }")));
		assertThat(answer.json().path("errors").isMissingNode()).as(answer.text()).isTrue();
		assertThat(answer.json().path("data").path("viewer").path("tenant").asString()).isEqualTo(tenant);
	}

	private void refusedQuickly(String document) {
		String token = tokens.token(newTenant("bomb"), Role.ADMIN);
		long started = System.nanoTime();
		Http.Answer answer = Http.graphQl(web, token, Map.of("query", document));
		long elapsedMs = (System.nanoTime() - started) / 1_000_000;
		System.out.println("Refused a " + document.length() + "-character fragment bomb in " + elapsedMs + " ms");
		assertThat(answer.status().value()).isEqualTo(200);
		assertThat(answer.firstErrorCode()).as(answer.text()).isEqualTo("COST_LIMIT_EXCEEDED");
		assertThat(answer.json().path("errors").path(0).path("extensions").path("maxExpandedFields").asLong()).isPositive();
		assertThat(answer.hasData()).isFalse();
		assertThat(elapsedMs).isLessThan(REFUSAL_BOUND_MS);
	}

	/** {@code query { ...F<depth> } fragment F0 on Query { <leaf> } fragment F<n> on Query { ...F<n-1> ...F<n-1> }}. */
	static String fragmentBomb(int depth, String leaf) {
		StringBuilder document = new StringBuilder("query { ...F").append(depth).append(" }\n");
		document.append("fragment F0 on Query { ").append(leaf).append(" }\n");
		for (int level = 1; level <= depth; level++) {
			document.append("fragment F").append(level).append(" on Query { ...F").append(level - 1)
				.append(" ...F").append(level - 1).append(" }\n");
		}
		return document.toString();
	}

}
