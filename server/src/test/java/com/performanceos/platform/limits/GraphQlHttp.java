package com.performanceos.platform.limits;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Raw HTTP GraphQL calls, for assertions on status, headers and the whole response body. */
final class GraphQlHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private GraphQlHttp() {
	}

	static Answer post(WebTestClient web, String token, Map<String, Object> body) {
		EntityExchangeResult<byte[]> result = web.post()
			.uri("/graphql")
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectBody()
			.returnResult();
		return Answer.of(result);
	}

	/** A response: status, headers and the body both as text and as JSON. */
	record Answer(HttpStatusCode status, org.springframework.http.HttpHeaders headers, String text, JsonNode json) {

		static Answer of(EntityExchangeResult<byte[]> result) {
			byte[] bytes = result.getResponseBody();
			String text = bytes != null ? new String(bytes, StandardCharsets.UTF_8) : "";
			JsonNode json = text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
			return new Answer(result.getStatus(), result.getResponseHeaders(), text, json);
		}

		String firstErrorCode() {
			return json.path("errors").path(0).path("extensions").path("code").asString();
		}

		JsonNode cost() {
			return json.path("extensions").path("cost");
		}

	}

}
