package com.performanceos.platform.ai;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.TestServices;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Integration tests with AI on: the server's provider is a WireMock OpenAI-compatible stub answering recorded
 * answers ({@code src/test/resources/ai-answers}), and the same WireMock receives the admins' alert webhook. Short
 * timeout, breaker and drain settings keep the tests quick; every subclass shares this one application context.
 * The breaker's open duration is a test property rather than a dynamic one so that a subclass's
 * {@code @DynamicPropertySource} overrides it by precedence: among dynamic property methods, the base class's ran after
 * the subclass's and won (the degraded-path bench's first run had a 1 s breaker instead of its 1 h).
 */
@TestPropertySource(properties = "performanceos.ai.breaker.open-duration=1s")
public abstract class AiIntegrationTest extends IntegrationTest {

	public static final String MODEL = "mistral-small-2503";

	public static final String CHAT_PATH = "/v1/chat/completions";

	public static final String ALERT_PATH = "/alerts";

	/** Tokens each recorded answer reports: 120 for the prompt and 80 for the answer. */
	public static final long TOKENS_PER_ANSWER = 200;

	protected static final WireMockServer PROVIDER = new WireMockServer(options().dynamicPort().asynchronousResponseEnabled(true));

	static {
		PROVIDER.start();
	}

	@Autowired
	private AiClient client;

	@DynamicPropertySource
	static void aiOn(DynamicPropertyRegistry properties) {
		properties.add("performanceos.ai.base-url", () -> PROVIDER.baseUrl() + "/v1");
		properties.add("performanceos.ai.api-key", () -> "test-key");
		properties.add("performanceos.ai.model", () -> MODEL);
		properties.add("performanceos.ai.timeout", () -> "3s");
		properties.add("performanceos.ai.retries", () -> "1");
		properties.add("performanceos.ai.retry-backoff", () -> "50ms");
		properties.add("performanceos.ai.breaker.window", () -> "4");
		properties.add("performanceos.ai.breaker.minimum-calls", () -> "2");
		properties.add("performanceos.ai.drain-interval", () -> "500ms");
		properties.add("performanceos.ai.alert-webhook-url", () -> PROVIDER.baseUrl() + ALERT_PATH);
		properties.add("performanceos.egress.allowed-destinations", () -> "127.0.0.1/32");
	}

	/** Each test starts with a provider that answers nothing yet, an empty journal and a closed breaker. */
	@BeforeEach
	void resetProvider() {
		PROVIDER.resetAll();
		PROVIDER.stubFor(post(urlPathEqualTo(ALERT_PATH)).willReturn(aResponse().withStatus(204)));
		client.breaker().reset();
	}

	/** The provider answers every chat request with the recorded answer's content. */
	protected static void answers(String recordedAnswer) {
		answersAs(recordedAnswer, MODEL);
	}

	/** The provider answers every chat request with the recorded answer's content, naming {@code model} as the one that answered. */
	protected static void answersAs(String recordedAnswer, String model) {
		PROVIDER.resetMappings();
		PROVIDER.stubFor(post(urlPathEqualTo(ALERT_PATH)).willReturn(aResponse().withStatus(204)));
		PROVIDER.stubFor(post(urlPathEqualTo(CHAT_PATH)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
			.withBody(completion(recorded(recordedAnswer), model))));
	}

	/** The provider fails every chat request with HTTP 500. */
	protected static void failsWith500() {
		PROVIDER.stubFor(post(urlPathEqualTo(CHAT_PATH)).willReturn(aResponse().withStatus(500).withBody("{\"error\":\"overloaded\"}")));
	}

	/** The provider drops every connection. */
	protected static void dropsConnections() {
		PROVIDER.stubFor(post(urlPathEqualTo(CHAT_PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
	}

	/** The provider answers, but only after {@code delayMs}. */
	protected static void stalls(String recordedAnswer, int delayMs) {
		PROVIDER.stubFor(post(urlPathEqualTo(CHAT_PATH)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
			.withFixedDelay(delayMs).withBody(completion(recorded(recordedAnswer)))));
	}

	protected static int chatRequests() {
		return PROVIDER.countRequestsMatching(postRequestedFor(urlPathEqualTo(CHAT_PATH)).build()).getCount();
	}

	/** Bodies of the alert webhooks received that name the tenant. */
	protected static List<String> alertsOf(String tenant) {
		return PROVIDER.findAll(postRequestedFor(urlPathEqualTo(ALERT_PATH))).stream().map(request -> request.getBodyAsString())
			.filter(body -> body.contains("\"tenant\":\"" + tenant + "\"")).toList();
	}

	/** Every chat request body the provider received. */
	protected static List<String> chatBodies() {
		return PROVIDER.findAll(postRequestedFor(urlPathEqualTo(CHAT_PATH))).stream().map(request -> request.getBodyAsString()).toList();
	}

	public static String recorded(String name) {
		try (var stream = AiIntegrationTest.class.getResourceAsStream("/ai-answers/" + name)) {
			return new String(java.util.Objects.requireNonNull(stream, name).readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** An OpenAI chat-completions response carrying {@code content} as the assistant's message. */
	public static String completion(String content) {
		return completion(content, MODEL);
	}

	/** The same, answered by {@code model}. */
	public static String completion(String content, String model) {
		return "{\"id\":\"chatcmpl-test\",\"object\":\"chat.completion\",\"created\":1767225600,\"model\":\"" + model + "\","
				+ "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + jsonString(content) + "},"
				+ "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":80,\"total_tokens\":200}}";
	}

	private static String jsonString(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\r' -> quoted.append("\\r");
				case '\t' -> quoted.append("\\t");
				default -> quoted.append(c);
			}
		}
		return quoted.append('"').toString();
	}

	/** Rows of a query run as the superuser (row-level security bypassed), each row as its columns' text. */
	public static List<List<String>> superuserRows(String sql, Object... parameters) {
		try (Connection connection = TestServices.shared().superuserConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int index = 0; index < parameters.length; index++) {
				statement.setObject(index + 1, parameters[index]);
			}
			List<List<String>> rows = new ArrayList<>();
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					List<String> row = new ArrayList<>();
					for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
						row.add(result.getString(column));
					}
					rows.add(row);
				}
			}
			return rows;
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A GraphQL tester for a person (their own subject, so separation of duties can be exercised) of the tenant. */
	protected HttpGraphQlTester as(String subject, String tenant, Role... roles) {
		return HttpGraphQlTester.builder(web.mutate().baseUrl("http://127.0.0.1:" + port + "/graphql"))
			.header("Authorization", "Bearer " + tokens.token(subject, tenant, roles))
			.responseTimeout(java.time.Duration.ofSeconds(60))
			.build();
	}

	protected static Map<String, Object> proposePlanInput(String key, String sentence, String ruleName) {
		return Map.of("idempotencyKey", key, "sentence", sentence, "ruleName", ruleName);
	}

}
