package com.performanceos.rules.commissions.runs;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import com.performanceos.platform.ai.AiIntegrationTest;
import com.performanceos.platform.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Why did I get X": a rep's line explained in plain language by the model, which only rewords the deterministic
 * sentence of the stored trace; a rewording that changes a figure, and a provider that does not answer, give the
 * deterministic sentence. A REP reads only their own lines, and their name never leaves the server.
 */
class RepExplanationIntegrationTests extends AiIntegrationTest {

	private static final String PLAINLY = """
			query($id: ID!, $language: ExplanationLanguage) { explainCommissionLinePlainly(id: $id, language: $language) {
			  text deterministic source fallbackReason model } }""";

	private CommissionsWorld march(String prefix) {
		CommissionsWorld world = new CommissionsWorld("http://127.0.0.1:" + port, tokens, newTenant(prefix));
		world.importDeals("deals", """
				D-A,ana,Pro,FR,40000.00,40000.00,CLOSED_WON,2026-03-10,EUR
				D-B,bob,Pro,FR,20000.00,20000.00,CLOSED_WON,2026-03-11,EUR
				""");
		world.importQuotas("quotas", "ana,2026-03,100000,EUR\nbob,2026-03,100000,EUR\n");
		world.reps(List.of(Map.of("code", "ana", "name", "Ana Lopez", "role", "AE", "subject", "ana-user"),
				Map.of("code", "bob", "name", "Bob Martin", "role", "AE", "subject", "bob-user")), List.of());
		world.assign(world.publishedPlan("AE", CommissionsWorld.plan("GRADUATED", Map.of())), "2026-03", "ana", "bob");
		world.run("march", "2026-03", Map.of());
		return world;
	}

	private static String lineOf(HttpGraphQlTester tester, String rep) {
		return tester.documentName("commissionsStatement").variable("rep", rep).variable("period", "2026-03").execute()
			.path("commissionStatement.lines.nodes[0].id").entity(String.class).get();
	}

	@Test
	void aRepGetsTheirLineRewordedWithTheEnginesFiguresAndNeverAnotherRepsLine() {
		CommissionsWorld world = march("explain-plain");
		String bobLine = lineOf(world.salesOps, "bob");
		HttpGraphQlTester ana = world.as("ana-user", Role.REP);
		String anaLine = lineOf(ana, "ana");
		answers("explanation-ana.txt");

		Map<String, Object> plain = ana.document(PLAINLY).variable("id", anaLine).execute().path("explainCommissionLinePlainly")
			.entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			}).get();
		assertThat(plain).containsEntry("source", "REWORDED").containsEntry("model", MODEL).containsEntry("fallbackReason", null);
		assertThat((String) plain.get("text")).isEqualTo(recorded("explanation-ana.txt").strip());
		assertThat((String) plain.get("deterministic")).contains("credits ana 100 % = 40,000.00").contains("amount 4,000.00 EUR");
		// The rep's code left the server as a pseudonym only.
		assertThat(chatBodies()).hasSize(1).allSatisfy(body -> assertThat(body).containsPattern("NAME_[0-9a-f]{8}")
			.doesNotContainPattern(Pattern.compile("\\bana\\b")).doesNotContain("Ana Lopez"));

		ana.document(PLAINLY).variable("id", bobLine).execute().path("explainCommissionLinePlainly").valueIsNull();
		assertThat(chatBodies()).as("another rep's line is never sent to the model").hasSize(1);
	}

	@Test
	void aRewordingThatChangesAFigureOrAProviderThatIsDownGivesTheDeterministicSentence() {
		CommissionsWorld world = march("explain-fallback");
		HttpGraphQlTester ana = world.as("ana-user", Role.REP);
		String anaLine = lineOf(ana, "ana");

		answers("explanation-ana-wrong-figure.txt");
		ana.document(PLAINLY).variable("id", anaLine).execute()
			.path("explainCommissionLinePlainly.source").entity(String.class).isEqualTo("DETERMINISTIC")
			.path("explainCommissionLinePlainly.fallbackReason").entity(String.class).satisfies(reason -> assertThat(reason).contains("changed a figure"))
			.path("explainCommissionLinePlainly.text").entity(String.class).satisfies(text -> assertThat(text).contains("amount 4,000.00 EUR")
				.doesNotContain("4,500.00"));

		PROVIDER.resetMappings();
		failsWith500();
		ana.document(PLAINLY).variable("id", anaLine).variable("language", "FR").execute()
			.path("explainCommissionLinePlainly.source").entity(String.class).isEqualTo("DETERMINISTIC")
			.path("explainCommissionLinePlainly.fallbackReason").entity(String.class).satisfies(reason -> assertThat(reason).contains("unavailable"))
			.path("explainCommissionLinePlainly.text").entity(String.class).satisfies(text -> assertThat(text).contains("crédite ana")
				.contains("4 000,00 EUR"));
	}

}
