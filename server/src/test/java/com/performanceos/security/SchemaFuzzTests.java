package com.performanceos.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every query and mutation field of the running server's own schema, called over HTTP with random but
 * schema-shaped arguments (see {@link SchemaShapedInputs}) as an ADMIN and as callers of other roles:
 * no answer may be a 5xx, carry an {@code INTERNAL} error, or refuse without a code, and the server must
 * answer a normal query afterwards. The fields come from the schema at run time, so fields added later
 * are fuzzed too. {@code -Dfuzz.seed=} replays a run, {@code -Dfuzz.cases=} sets the cases per field.
 */
class SchemaFuzzTests extends IntegrationTest {

	private static final Logger log = LoggerFactory.getLogger(SchemaFuzzTests.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Cases per root field: about 3,000 requests over the current schema, about a minute on CI. */
	private static final int CASES_PER_FIELD = Integer.getInteger("fuzz.cases", 60);

	private static final long SEED = Long.getLong("fuzz.seed", 14L);

	/** Subscriptions per subscription field, all on one connection per field: few fields, each case cheap. */
	private static final int SUBSCRIPTION_CASES_PER_FIELD = Integer.getInteger("fuzz.subscriptionCases", 12);

	/** Requests one client sends before the next takes over, so the cost bucket of one never throttles the run. */
	private static final int REQUESTS_PER_CLIENT = 150;

	/** Codes a refusal may carry: every documented one but a crash. */
	private static final Set<String> CLIENT_CODES = Arrays.stream(ErrorCode.values())
		.filter(code -> code != ErrorCode.INTERNAL)
		.map(Enum::name)
		.collect(Collectors.toUnmodifiableSet());

	private static final Role[] OTHER_ROLES = EnumSet.complementOf(EnumSet.of(Role.ADMIN)).toArray(Role[]::new);

	@Autowired
	private GraphQlSource graphQlSource;

	@Test
	void everyRootFieldAnswersHostileArgumentsWithTypedRefusalsOnly() {
		GraphQLSchema schema = graphQlSource.schema();
		List<Target> targets = new ArrayList<>();
		for (GraphQLFieldDefinition field : schema.getQueryType().getFieldDefinitions()) {
			targets.add(new Target("query", field));
		}
		GraphQLObjectType mutations = schema.getMutationType();
		if (mutations != null) {
			for (GraphQLFieldDefinition field : mutations.getFieldDefinitions()) {
				targets.add(new Target("mutation", field));
			}
		}
		assertThat(targets).as("root fields found in the schema").hasSizeGreaterThan(20);

		Random random = new Random(SEED);
		SchemaShapedInputs inputs = new SchemaShapedInputs(schema, random);
		String adminTenant = newTenant("fuzz-admin");
		String otherTenant = newTenant("fuzz-other");
		List<String> failures = new ArrayList<>();
		Map<String, Integer> outcomes = new TreeMap<>();
		int sent = 0;
		String adminToken = "";
		String otherToken = "";
		for (int round = 0; round < CASES_PER_FIELD; round++) {
			for (Target target : targets) {
				if (sent % REQUESTS_PER_CLIENT == 0) {
					int client = sent / REQUESTS_PER_CLIENT;
					adminToken = tokens.token("fuzz-admin-" + client, adminTenant, Role.ADMIN);
					otherToken = tokens.token("fuzz-other-" + client, otherTenant, OTHER_ROLES[client % OTHER_ROLES.length]);
				}
				String caller = random.nextInt(3) != 0 ? adminToken : otherToken;
				SchemaShapedInputs.Request request = inputs.request(target.keyword(), target.field());
				String problem = check(send(caller, request), outcomes);
				sent++;
				if (problem != null && failures.size() < 30) {
					failures.add(problem + "\n    field " + request.rootField() + "\n    document " + request.document() + "\n    variables "
							+ abbreviate(JSON.writeValueAsString(request.variables())));
				}
			}
		}
		log.info("Schema fuzz: {} requests over {} root fields (seed {}): {}", sent, targets.size(), SEED, outcomes);
		assertThat(failures).as("answers to %d requests (seed %d), outcomes %s", sent, SEED, outcomes).isEmpty();
		assertThat(outcomes.keySet()).as("the run reached resolvers, not only validation").contains("data", "BAD_USER_INPUT");
		serverStillAnswers(adminTenant);
	}

	@Test
	void everySubscriptionFieldAnswersHostileArgumentsOverWebSocketWithTypedRefusalsOnly() {
		GraphQLSchema schema = graphQlSource.schema();
		GraphQLObjectType subscriptions = schema.getSubscriptionType();
		assertThat(subscriptions).as("the schema has subscriptions").isNotNull();
		Random random = new Random(SEED);
		SchemaShapedInputs inputs = new SchemaShapedInputs(schema, random);
		String tenant = newTenant("fuzz-live");
		List<String> failures = new ArrayList<>();
		Map<String, Integer> outcomes = new TreeMap<>();
		int sent = 0;
		for (GraphQLFieldDefinition field : subscriptions.getFieldDefinitions()) {
			Role role = random.nextBoolean() ? Role.ADMIN : OTHER_ROLES[random.nextInt(OTHER_ROLES.length)];
			List<Map<String, Object>> messages = new ArrayList<>();
			List<SchemaShapedInputs.Request> requests = new ArrayList<>();
			for (int i = 0; i < SUBSCRIPTION_CASES_PER_FIELD; i++) {
				SchemaShapedInputs.Request request = inputs.request("subscription", field);
				requests.add(request);
				Map<String, Object> payload = new java.util.HashMap<>();
				payload.put("query", request.document());
				payload.put("variables", request.variables());
				messages.add(Map.of("id", Integer.toString(i), "type", "subscribe", "payload", payload));
			}
			GraphQlSocket socket = GraphQlSocket.open(port, tokens.token("fuzz-live-" + field.getName(), tenant, role), messages).acknowledged();
			sent += messages.size();
			try {
				// Refusals come at once; a subscription that was accepted stays quiet until an event.
				await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
				for (String text : socket.received()) {
					String problem = checkLiveMessage(text, outcomes);
					if (problem != null && failures.size() < 20) {
						failures.add(problem + "\n    field " + field.getName() + " as " + role + "\n    cases "
								+ abbreviate(requests.toString()));
					}
				}
			}
			finally {
				socket.close();
			}
		}
		log.info("Schema fuzz over WebSocket: {} subscriptions over {} fields (seed {}): {}", sent, subscriptions.getFieldDefinitions().size(),
				SEED, outcomes);
		assertThat(failures).as("outcomes %s", outcomes).isEmpty();
		serverStillAnswers(tenant);
	}

	/** The problem with one message the server sent over the WebSocket, or null when it is fine. */
	private static String checkLiveMessage(String text, Map<String, Integer> outcomes) {
		JsonNode message = JSON.readTree(text);
		String type = message.path("type").asString("");
		JsonNode errors = switch (type) {
			case "error" -> message.path("payload");
			case "next" -> message.path("payload").path("errors");
			default -> JSON.createArrayNode();
		};
		outcomes.merge(type, 1, Integer::sum);
		for (JsonNode error : errors) {
			String code = error.path("extensions").path("code").asString("");
			outcomes.merge(code.isEmpty() ? "(no code)" : code, 1, Integer::sum);
			if (!CLIENT_CODES.contains(code)) {
				return "WebSocket " + type + " with code '" + code + "': " + abbreviate(error.toString());
			}
		}
		return null;
	}

	@Test
	void everyDownloadRouteAnswersHostileParametersWithTypedRefusalsOnly() {
		String[] values = { "2026-03-31", "2026-02-30", "9999-12-31", "0001-01-01", "1969-12-31", "+999999999-12-31", "2026-03-31T00:00:00Z",
				"+999999999-12-31T23:59:59Z", "1969-12-31T23:59:59Z", "a\u0000b", "\t", "'", "x".repeat(3_000), "-1", "DAY", "MONTH", "" };
		String[] routes = { "/exports/audit-log.csv", "/exports/audit-log.json", "/exports/journal-entries.csv", "/exports/journal-entries.json",
				"/exports/cockpit.pdf", "/exports/close-certificates/2026-03", "/exports/scenario-versions/U2NlbmFyaW9WZXJzaW9uOng/forecast.csv",
				"/exports/shared-scenario-version/forecast.pdf", "/exports/scenario-comparison.csv", "/exports/scenario-comparison.pdf" };
		String[] parameters = { "from", "to", "asOf", "grain", "version", "rows", "item", "horizonDays", "granularity" };
		Random random = new Random(SEED);
		String token = tokens.token(newTenant("fuzz-http"), Role.ADMIN);
		List<String> failures = new ArrayList<>();
		Map<String, Integer> outcomes = new TreeMap<>();
		// Pooled keep-alive connections, as clients use them: a hostile request must not spoil the connection for the next one.
		WebTestClient client = web.mutate().responseTimeout(Duration.ofSeconds(20)).build();
		for (int i = 0; i < 200; i++) {
			String route = routes[random.nextInt(routes.length)];
			String parameter = parameters[random.nextInt(parameters.length)];
			String value = values[random.nextInt(values.length)];
			EntityExchangeResult<byte[]> result;
			try {
				result = client.get()
					.uri(builder -> builder.path(route).queryParam(parameter, "{value}").build(value))
					.header("Authorization", "Bearer " + token)
					.exchange()
					.expectBody()
					.returnResult();
			}
			catch (IllegalStateException timeout) {
				failures.add("GET " + abbreviate(route) + "?" + parameter + "=" + abbreviate(value) + " -> no answer: " + timeout.getMessage());
				continue;
			}
			int status = result.getStatus().value();
			byte[] body = result.getResponseBody();
			String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
			outcomes.merge(Integer.toString(status), 1, Integer::sum);
			boolean typed = status < 400 || JSON.readTree(text).path("errors").path(0).path("extensions").path("code").isString();
			if ((status >= 500 || !typed) && failures.size() < 20) {
				failures.add("GET " + route + "?" + parameter + "=" + abbreviate(value) + " -> " + status + " " + abbreviate(text));
			}
		}
		assertThat(failures).as("outcomes %s", outcomes).isEmpty();
		serverStillAnswers(newTenant("fuzz-http-after"));
	}

	private Answer send(String token, SchemaShapedInputs.Request request) {
		EntityExchangeResult<byte[]> result = web.mutate()
			.responseTimeout(Duration.ofSeconds(60))
			.build()
			.post()
			.uri("/graphql")
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", request.document(), "variables", request.variables()))
			.exchange()
			.expectBody()
			.returnResult();
		byte[] body = result.getResponseBody();
		return new Answer(result.getStatus().value(), body == null ? "" : new String(body, StandardCharsets.UTF_8));
	}

	/** The problem with an answer, or null when it is a success or a typed refusal. */
	private static String check(Answer answer, Map<String, Integer> outcomes) {
		if (answer.status() >= 500) {
			return "HTTP " + answer.status() + ": " + abbreviate(answer.body());
		}
		if (answer.body().isBlank()) {
			return "HTTP " + answer.status() + " with an empty body";
		}
		JsonNode json;
		try {
			json = JSON.readTree(answer.body());
		}
		catch (RuntimeException ex) {
			return "HTTP " + answer.status() + " with a body that is not JSON: " + abbreviate(answer.body());
		}
		JsonNode errors = json.path("errors");
		for (JsonNode error : errors) {
			String code = error.path("extensions").path("code").asString("");
			outcomes.merge(code.isEmpty() ? "(no code)" : code, 1, Integer::sum);
			if (!CLIENT_CODES.contains(code)) {
				return "error with code '" + code + "': " + abbreviate(error.toString());
			}
		}
		if (errors.isEmpty()) {
			if (answer.status() != 200 || !json.has("data")) {
				return "HTTP " + answer.status() + " without errors or data: " + abbreviate(answer.body());
			}
			outcomes.merge("data", 1, Integer::sum);
		}
		for (JsonNode userError : json.path("data").findValues("userErrors")) {
			for (JsonNode item : userError) {
				if (item.path("code").asString("").isEmpty()) {
					return "user error without a code: " + abbreviate(item.toString());
				}
				outcomes.merge("userError", 1, Integer::sum);
			}
		}
		return null;
	}

	private void serverStillAnswers(String tenant) {
		graphQl(tenant, Role.ADMIN).document("{ viewer { tenant } accounts(first: 1) { totalCount } }")
			.execute()
			.path("viewer.tenant")
			.entity(String.class)
			.isEqualTo(tenant);
	}

	private static String abbreviate(String text) {
		return text.length() <= 600 ? text : text.substring(0, 600) + "...";
	}

	private record Target(String keyword, GraphQLFieldDefinition field) {
	}

	private record Answer(int status, String body) {
	}

}
