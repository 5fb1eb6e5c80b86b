package com.performanceos.platform.limits;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import reactor.core.publisher.Flux;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way a request can be broken gets a 4xx or a 200 with a typed error code: never a 500, never
 * a stack trace, and nothing is written.
 */
class MalformedRequestIntegrationTests extends IntegrationTest {

	private static final String CREATE = "mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id } } }";

	@Test
	void malformedJsonIsABadRequest() {
		check(raw(MediaType.APPLICATION_JSON, "{\"query\": \"{ viewer { subject } "), "BAD_REQUEST");
	}

	@Test
	void invalidSyntaxIsAParseError() {
		check(post(Map.of("query", "mutation { createAccount(input: {")), "GRAPHQL_PARSE_FAILED");
	}

	@Test
	void unknownFieldIsAValidationError() {
		check(post(Map.of("query", "{ accounts(first: 1) { nodes { balance } } }")), "GRAPHQL_VALIDATION_FAILED");
	}

	@Test
	void wrongScalarFormatsAreRefused() {
		check(post(Map.of("query", "mutation { createAccount(input: {idempotencyKey: \"k\", code: \"512000\", name: \"Bank\", "
				+ "type: ASSET, currency: \"EURO\"}) { account { id } } }")), null);
		check(post(Map.of("query", CREATE, "variables", Map.of("input", Map.of("idempotencyKey", "k", "code", "512000",
				"name", "Bank", "type", "ASSET", "currency", "EURO")))), null);
		check(post(Map.of("query", CREATE, "variables", Map.of("input", Map.of("idempotencyKey", "k", "code", "512000",
				"name", "Bank", "type", "CASH", "currency", "EUR")))), null);
	}

	@Test
	void wrongVariableTypeIsRefused() {
		check(post(Map.of("query", "query($first: Int) { accounts(first: $first) { totalCount } }", "variables",
				Map.of("first", "ten"))), null);
		check(post(Map.of("query", CREATE, "variables", Map.of("input", "not an object"))), null);
	}

	@Test
	void bodyOverTheLimitIsRefusedWithAndWithoutContentLength() {
		String padding = " ".repeat((int) maxRequestBodySize.toBytes() + 10);
		String body = "{\"query\": \"mutation { createAccount(input: {idempotencyKey: \\\"k\\\", code: \\\"1\\\", name: \\\"N\\\", "
				+ "type: ASSET, currency: \\\"EUR\\\"}) { account { id } } }" + padding + "\"}";
		Answer declared = raw(MediaType.APPLICATION_JSON, body);
		assertThat(declared.status).isEqualTo(413);
		check(declared, "PAYLOAD_TOO_LARGE");

		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		int half = bytes.length / 2;
		Flux<DataBuffer> chunks = Flux.just(Arrays.copyOfRange(bytes, 0, half), Arrays.copyOfRange(bytes, half, bytes.length))
			.map(DefaultDataBufferFactory.sharedInstance::wrap);
		EntityExchangeResult<byte[]> chunked = web.post()
			.uri("/graphql")
			.header("Authorization", "Bearer " + token())
			.contentType(MediaType.APPLICATION_JSON)
			.body(chunks, DataBuffer.class)
			.exchange()
			.expectBody()
			.returnResult();
		assertThat(chunked.getRequestHeaders().getContentLength()).isEqualTo(-1);
		Answer streamed = Answer.of(chunked);
		assertThat(streamed.status).isEqualTo(413);
		check(streamed, "PAYLOAD_TOO_LARGE");
	}

	@Test
	void unsupportedMediaTypeIsRefused() {
		check(raw(MediaType.TEXT_PLAIN, "{ viewer { subject } }"), null);
	}

	@Test
	void getWithoutQueryIsRefused() {
		check(Answer.of(web.get().uri("/graphql").header("Authorization", "Bearer " + token()).exchange().expectBody()
			.returnResult()), null);
	}

	@Test
	void bodyWithoutQueryNorPersistedQueryIsABadRequest() {
		check(post(Map.of("variables", Map.of("first", 1))), "BAD_REQUEST");
	}

	@org.springframework.beans.factory.annotation.Value("${performanceos.limits.max-request-body-size}")
	org.springframework.util.unit.DataSize maxRequestBodySize;

	private final String tenant = newTenant("malformed");

	private String token() {
		return tokens.token(tenant, Role.ADMIN);
	}

	private Answer post(Map<String, Object> body) {
		GraphQlHttp.Answer answer = GraphQlHttp.post(web, token(), body);
		return new Answer(answer.status().value(), answer.text(), answer.firstErrorCode());
	}

	private Answer raw(MediaType type, String body) {
		return Answer.of(web.post().uri("/graphql").header("Authorization", "Bearer " + token()).contentType(type)
			.bodyValue(body).exchange().expectBody().returnResult());
	}

	/** 4xx or a 200 carrying a typed error code; no stack trace; still no account in the tenant. */
	private void check(Answer answer, String expectedCode) {
		assertThat(answer.status).as(answer.text).isBetween(200, 499);
		assertThat(answer.text).doesNotContain("Exception").doesNotContain("at com.");
		if (answer.status == 200) {
			assertThat(answer.code).as(answer.text).isNotBlank();
		}
		if (expectedCode != null) {
			assertThat(answer.code).as(answer.text).isEqualTo(expectedCode);
		}
		int count = GraphQlHttp.post(web, token(), Map.of("query", "{ accounts(first: 100) { totalCount } }"))
			.json().path("data").path("accounts").path("totalCount").asInt(-1);
		assertThat(count).isZero();
	}

	private record Answer(int status, String text, String code) {

		static Answer of(EntityExchangeResult<byte[]> result) {
			GraphQlHttp.Answer answer = GraphQlHttp.Answer.of(result);
			return new Answer(answer.status().value(), answer.text(), answer.text().startsWith("{") ? answer.firstErrorCode() : "");
		}

	}

}
