package com.performanceos.security;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Raw HTTP calls of the probe tests: the status and the whole body, whatever the server answers. */
final class Probe {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Probe() {
	}

	static Answer graphQl(WebTestClient web, String token, String document, Map<String, ?> variables) {
		return Answer.of(web.post()
			.uri("/graphql")
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", document, "variables", variables))
			.exchange()
			.expectBody()
			.returnResult());
	}

	static Answer get(WebTestClient web, String token, String uri) {
		return Answer.of(web.get().uri(uri).header("Authorization", "Bearer " + token).exchange().expectBody().returnResult());
	}

	/** A response: its status, its body as text and as JSON (empty when not JSON). */
	record Answer(int status, String text, JsonNode json) {

		static Answer of(EntityExchangeResult<byte[]> result) {
			byte[] bytes = result.getResponseBody();
			String text = bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
			JsonNode json;
			try {
				json = text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
			}
			catch (RuntimeException notJson) {
				json = JSON.createObjectNode();
			}
			return new Answer(result.getStatus().value(), text, json);
		}

		JsonNode firstError() {
			return json.path("errors").path(0);
		}

		String firstErrorCode() {
			return firstError().path("extensions").path("code").asString("");
		}

	}

}
