package com.performanceos.contract;

import java.util.LinkedHashMap;
import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.jspecify.annotations.Nullable;

/** Raw GraphQL over HTTP with REST Assured, for what the tests check below the SDK. */
final class GraphQlHttp {

	private GraphQlHttp() {
	}

	/** POSTs {@code query} with {@code variables} to {@code /graphql}, with the bearer token when there is one. */
	static Response post(@Nullable String token, String query, Map<String, ?> variables) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", query);
		body.put("variables", variables);
		var request = RestAssured.given().baseUri(ContractEnvironment.serverUrl())
			.contentType(ContentType.JSON)
			.accept(ContentType.JSON)
			.body(body);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request.post("/graphql");
	}

	static Response post(@Nullable String token, String query) {
		return post(token, query, Map.of());
	}

}
