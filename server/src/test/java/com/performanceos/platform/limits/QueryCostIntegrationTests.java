package com.performanceos.platform.limits;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class QueryCostIntegrationTests extends IntegrationTest {

	@Test
	void mutationOverTheCostLimitIsRefusedBeforeAnyResolverRuns() {
		String tenant = newTenant("cost-mut");
		// Each aliased createAccount costs 10 (a mutation) + 1 (account): 460 of them cost 5060 > 5000.
		StringBuilder document = new StringBuilder("mutation {");
		for (int i = 0; i < 460; i++) {
			document.append(" a").append(i).append(": createAccount(input: {idempotencyKey: \"k").append(i)
				.append("\", code: \"C").append(i).append("\", name: \"N\", type: ASSET, currency: \"EUR\"}) { account { id } }");
		}
		document.append(" }");
		GraphQlHttp.Answer answer = GraphQlHttp.post(web, tokens.token(tenant, Role.ADMIN), Map.of("query", document.toString()));

		assertThat(answer.firstErrorCode()).isEqualTo("COST_LIMIT_EXCEEDED");
		assertThat(answer.json().path("data").isMissingNode() || answer.json().path("data").isNull()).isTrue();
		assertThat(answer.cost().path("requested").asInt()).isEqualTo(460 * 11);
		assertThat(answer.cost().path("actual").asInt()).isZero();
		assertThat(accountCount(tenant)).isZero();
	}

	@Test
	void queryOverTheCostLimitHasNoData() {
		StringBuilder document = new StringBuilder("{");
		for (int i = 0; i < 50; i++) {
			document.append(" a").append(i).append(": accounts(first: 100) { nodes { id } }");
		}
		document.append(" }");
		GraphQlHttp.Answer answer = GraphQlHttp.post(web, tokens.token(newTenant("cost-q"), Role.ADMIN),
				Map.of("query", document.toString()));

		assertThat(answer.firstErrorCode()).isEqualTo("COST_LIMIT_EXCEEDED");
		assertThat(answer.json().path("errors").path(0).path("extensions").path("traceId").asString()).isNotBlank();
		assertThat(answer.json().path("data").isMissingNode() || answer.json().path("data").isNull()).isTrue();
		assertThat(answer.cost().path("requested").asInt()).isEqualTo(50 * 101);
		assertThat(answer.cost().path("maxQueryCost").asInt()).isEqualTo(5000);
	}

	@Test
	void successReportsRequestedAndActualCostFromTheBucket() {
		// accounts 1 + 10 x nodes 1 = 11 requested; an empty chart returns only the connection: 1.
		GraphQlHttp.Answer answer = GraphQlHttp.post(web, tokens.token(newTenant("cost-ok"), Role.ADMIN),
				Map.of("query", "{ accounts(first: 10) { nodes { id } } }"));

		assertThat(answer.json().path("errors").isMissingNode()).isTrue();
		assertThat(answer.cost().path("requested").asInt()).isEqualTo(11);
		assertThat(answer.cost().path("actual").asInt()).isEqualTo(1);
		assertThat(answer.cost().path("limit").asInt()).isEqualTo(10000);
		// The refund leaves only the actual cost (minus what leaked since) in the bucket.
		assertThat(answer.cost().path("remaining").asInt()).isBetween(9999, 10000);
		assertThat(Instant.parse(answer.cost().path("resetAt").asString())).isBefore(Instant.now().plusSeconds(5));
	}

	@Test
	void userErrorsAndValidationErrorsAlsoReportTheCost() {
		String token = tokens.token(newTenant("cost-ue"), Role.ADMIN);
		GraphQlHttp.Answer userError = GraphQlHttp.post(web, token, Map.of("query",
				"mutation { createAccount(input: {idempotencyKey: \"k\", code: \"bad code!\", name: \"x\", type: ASSET, "
						+ "currency: \"EUR\"}) { account { id } userErrors { code } } }"));
		assertThat(userError.json().path("data").path("createAccount").path("userErrors").path(0).path("code").asString())
			.isEqualTo("INVALID_INPUT");
		assertThat(userError.cost().path("requested").asInt()).isEqualTo(10 + 1 + 1);
		assertThat(userError.cost().path("actual").asInt()).isBetween(10, 12);
		// The default bucket drains 500 units a second, so 12 units are gone again within the request.
		assertThat(userError.cost().path("remaining").asInt()).isBetween(10000 - 12, 10000);

		GraphQlHttp.Answer invalid = GraphQlHttp.post(web, token, Map.of("query", "{ nope }"));
		assertThat(invalid.firstErrorCode()).isEqualTo("GRAPHQL_VALIDATION_FAILED");
		assertThat(invalid.cost().path("requested").asInt()).isZero();
		assertThat(invalid.cost().path("limit").asInt()).isEqualTo(10000);
		assertThat(invalid.cost().path("resetAt").asString()).isNotBlank();
	}

	@Test
	void graphiqlIntrospectionFitsTheDefaultLimits() {
		GraphQlHttp.Answer answer = GraphQlHttp.post(web, tokens.token(newTenant("cost-intro"), Role.ADMIN),
				Map.of("query", INTROSPECTION));
		assertThat(answer.json().path("errors").isMissingNode()).isTrue();
		assertThat(answer.json().path("data").path("__schema").path("types").size()).isGreaterThan(10);
		assertThat(answer.cost().path("requested").asInt()).isBetween(1, 200);
	}

	private int accountCount(String tenant) {
		return GraphQlHttp.post(web, tokens.token(tenant, Role.ADMIN), Map.of("query", "{ accounts(first: 100) { totalCount } }"))
			.json()
			.path("data")
			.path("accounts")
			.path("totalCount")
			.asInt(-1);
	}

	/** The query GraphiQL sends to draw the explorer. */
	private static final String INTROSPECTION = """
			query IntrospectionQuery {
			  __schema {
			    queryType { name } mutationType { name } subscriptionType { name }
			    types { ...FullType }
			    directives { name description locations args { ...InputValue } }
			  }
			}
			fragment FullType on __Type {
			  kind name description
			  fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
			  inputFields { ...InputValue }
			  interfaces { ...TypeRef }
			  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
			  possibleTypes { ...TypeRef }
			}
			fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
			fragment TypeRef on __Type {
			  kind name
			  ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
			    ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }
			}
			""";

}
