package com.performanceos.rules.registry;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.TestTokens;

/**
 * The registry's GraphQL operations as a person of a tenant calls them: the documents in {@code graphql-test/rules*},
 * each person with their own subject so that separation of duties can be exercised.
 */
final class RulesApi {

	private final HttpGraphQlTester graphQl;

	private RulesApi(HttpGraphQlTester graphQl) {
		this.graphQl = graphQl;
	}

	static RulesApi as(String baseUrl, TestTokens tokens, String subject, String tenant, Role... roles) {
		WebTestClient.Builder web = WebTestClient.bindToServer().baseUrl(baseUrl + "/graphql").responseTimeout(Duration.ofSeconds(60))
			// A batch of 10,000 results is a few megabytes.
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024));
		return new RulesApi(HttpGraphQlTester.builder(web).header("Authorization", "Bearer " + tokens.token(subject, tenant, roles))
			.responseTimeout(Duration.ofSeconds(60)).build());
	}

	HttpGraphQlTester graphQl() {
		return graphQl;
	}

	static Map<String, Object> version(@Nullable Object definition, String validFrom, List<Map<String, Object>> examples) {
		Map<String, Object> version = new LinkedHashMap<>();
		version.put("definition", definition);
		version.put("examples", examples);
		version.put("origin", "HUMAN");
		version.put("changeNote", "first cut");
		version.put("validFrom", validFrom);
		return version;
	}

	static Map<String, Object> expression(String source, Map<String, String> variables, String resultType) {
		return Map.of("expression", source, "variables", variables, "resultType", resultType);
	}

	static Map<String, Object> example(String name, Object input, Object expected) {
		return Map.of("name", name, "input", input, "expectedOutput", expected);
	}

	GraphQlTester.Response createRule(String key, String name, String kind, Map<String, Object> version) {
		return graphQl.documentName("rulesCreateRule").variable("input", Map.of("idempotencyKey", key, "name", name, "kind", kind,
				"description", "decides " + name, "firstVersion", version)).execute();
	}

	/** Creates a rule and answers {@code [ruleId, versionId]}, failing on a user error. */
	List<String> created(String name, String kind, Map<String, Object> version) {
		GraphQlTester.Response response = createRule("create-" + name, name, kind, version);
		response.path("createRule.userErrors").entityList(Object.class).hasSize(0);
		return List.of(response.path("createRule.rule.id").entity(String.class).get(),
				response.path("createRule.version.id").entity(String.class).get());
	}

	GraphQlTester.Response createVersion(String key, String ruleId, Map<String, Object> version) {
		return graphQl.documentName("rulesCreateRuleVersion")
			.variable("input", Map.of("idempotencyKey", key, "ruleId", ruleId, "version", version)).execute();
	}

	/** One lifecycle step: {@code submit}, {@code sendBack}, {@code approve}, {@code publish} or {@code retire}. */
	GraphQlTester.Response step(String step, String versionId) {
		String document = "rules" + Character.toUpperCase(step.charAt(0)) + step.substring(1);
		return graphQl.documentName(document).variable("input", Map.of("versionId", versionId, "justification", step + " because tested"))
			.execute();
	}

	GraphQlTester.Response rollback(String key, String toVersionId) {
		return graphQl.documentName("rulesRollback")
			.variable("input", Map.of("idempotencyKey", key, "toVersionId", toVersionId, "justification", "v2 overpays")).execute();
	}

	GraphQlTester.Response evaluate(Map<String, Object> input) {
		return graphQl.documentName("rulesEvaluate").variable("input", input).execute();
	}

	/** Evaluates inputs with a version by number and answers the results' output JSON texts (null on an error). */
	GraphQlTester.Response evaluateVersion(String ruleId, int number, List<?> inputs) {
		return evaluate(Map.of("ruleId", ruleId, "versionNumber", number, "inputs", inputs));
	}

	/** Takes a version from DRAFT to PUBLISHED: {@code author} submits, {@code this} approves and publishes. */
	void publishedBy(RulesApi author, String versionId) {
		author.step("submit", versionId).path("submitRuleVersion.userErrors").entityList(Object.class).hasSize(0);
		step("approve", versionId).path("approveRuleVersion.userErrors").entityList(Object.class).hasSize(0);
		step("publish", versionId).path("publishRuleVersion.userErrors").entityList(Object.class).hasSize(0);
	}

}
