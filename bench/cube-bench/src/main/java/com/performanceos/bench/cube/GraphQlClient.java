package com.performanceos.bench.cube;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GraphQL over HTTP as any client sends it: a POSTed JSON body with a bearer token. */
final class GraphQlClient {

	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final URI endpoint;

	private final String token;

	GraphQlClient(String endpoint, String token) {
		this.endpoint = URI.create(endpoint);
		this.token = token;
	}

	/** The encoded request body, built once so timing covers the exchange, not the encoding. */
	byte[] body(String document, Map<String, Object> variables) {
		return json.writeValueAsBytes(Map.of("query", document, "variables", variables));
	}

	/** Sends a prepared body and returns the whole response body; fails on any status but 200. */
	byte[] send(byte[] body) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(endpoint)
			.timeout(TIMEOUT)
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GraphQL answered " + response.statusCode() + ": " + new String(response.body(),
					java.nio.charset.StandardCharsets.UTF_8));
		}
		return response.body();
	}

	/** The response's {@code data}, or a failure carrying its {@code errors}. */
	JsonNode data(byte[] response) {
		JsonNode root = json.readTree(response);
		if (root.has("errors") && !root.get("errors").isEmpty()) {
			throw new IllegalStateException("GraphQL errors: " + root.get("errors"));
		}
		return root.get("data");
	}

	JsonNode execute(String document, Map<String, Object> variables) throws IOException, InterruptedException {
		return data(send(body(document, variables)));
	}

}
