package com.performanceos.contract;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** A tenant sees nothing of another, even with the other's global ids. */
class TenantIsolationContractTests {

	private static final String CREATE_ACCOUNT = """
			mutation($input: CreateAccountInput!) {
			  createAccount(input: $input) { account { id code } userErrors { code message } }
			}""";

	private static final String NODE = "query($id: ID!) { node(id: $id) { id ... on Account { code } } nodes(ids: [$id]) { id } }";

	private static final String ACCOUNT_CODES = "{ accounts(first: 100) { nodes { code } } }";

	@Test
	void userOfAnotherTenantDoesNotSeeAnAccountByItsId() {
		String code = UniqueCodes.accountCode("ISO");
		String id = GraphQlHttp.post(ContractEnvironment.adminToken(), CREATE_ACCOUNT, Map.of("input", Map.of(
				"idempotencyKey", UniqueCodes.idempotencyKey(), "code", code, "name", "Isolation probe", "type", "ASSET",
				"currency", "EUR")))
			.then().statusCode(200)
			.body("data.createAccount.userErrors", empty())
			.extract().path("data.createAccount.account.id");
		String globexAnalyst = Keycloak.accessToken(Keycloak.CLI_CLIENT, "globex-analyst");

		GraphQlHttp.post(globexAnalyst, NODE, Map.of("id", id)).then()
			.statusCode(200)
			.body("errors", nullValue())
			.body("data.node", nullValue())
			.body("data.nodes", contains((Object) null));
		GraphQlHttp.post(globexAnalyst, ACCOUNT_CODES).then()
			.statusCode(200)
			.body("data.accounts.nodes.code", not(hasItem(code)));
		GraphQlHttp.post(ContractEnvironment.adminToken(), NODE, Map.of("id", id)).then()
			.statusCode(200)
			.body("data.node.id", equalTo(id))
			.body("data.node.code", equalTo(code))
			.body("data.nodes.id", equalTo(List.of(id)));
	}

}
