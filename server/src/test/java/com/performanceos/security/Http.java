package com.performanceos.security;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Raw HTTP calls, so a probe sees the status and the whole body exactly as an attacker would. */
final class Http {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Http() {
	}

	/** POSTs {@code body} as JSON to {@code /graphql}; a null token sends no Authorization header. */
	static Answer graphQl(WebTestClient web, String token, Object body) {
		return Answer.of(web.post()
			.uri("/graphql")
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectBody()
			.returnResult());
	}

	/** A response: status, the body as text and as JSON (an empty object when the body is not JSON). */
	record Answer(HttpStatusCode status, String text, JsonNode json) {

		static Answer of(EntityExchangeResult<byte[]> result) {
			byte[] bytes = result.getResponseBody();
			String text = bytes != null ? new String(bytes, StandardCharsets.UTF_8) : "";
			JsonNode json;
			try {
				json = text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
			}
			catch (RuntimeException notJson) {
				json = JSON.createObjectNode();
			}
			return new Answer(result.getStatus(), text, json);
		}

		String firstErrorCode() {
			return json.path("errors").path(0).path("extensions").path("code").asString();
		}

		boolean hasData() {
			return !json.path("data").isMissingNode() && !json.path("data").isNull();
		}

	}

}
