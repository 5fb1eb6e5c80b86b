package com.performanceos.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Control characters are refused at the edge with a typed error naming the argument, never passed on to
 * PostgreSQL (which refuses NUL in text with an error that used to surface as INTERNAL): NUL anywhere,
 * other C0 controls in free text, every control in identifiers; tab and line breaks stay allowed in text.
 */
class ControlCharacterTests extends IntegrationTest {

	private static final String CREATE_ACCOUNT = """
			mutation($input: CreateAccountInput!) {
			  createAccount(input: $input) { account { name } userErrors { code field message } }
			}""";

	@Test
	void refusesANulInFreeTextNamingTheArgument() {
		var answer = createAccount(newTenant("nul"), "k-1", "512000", "Bank\u0000");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.firstErrorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(answer.firstError().path("extensions").path("argument").asString()).isEqualTo("input.name");
		assertThat(answer.firstError().path("message").asString()).contains("input.name", "U+0000");
		assertThat(answer.json().at("/data/createAccount/account/name").isMissingNode()).as("nothing created").isTrue();
	}

	@Test
	void refusesOtherControlsInIdentifiersButKeepsTabsAndLineBreaksInText() {
		String tenant = newTenant("ctl");
		var key = createAccount(tenant, "key\tone", "512000", "Bank");
		assertThat(key.firstErrorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(key.firstError().path("extensions").path("argument").asString()).isEqualTo("input.idempotencyKey");
		var bell = createAccount(tenant, "k-2", "512001", "Bank\u0007");
		assertThat(bell.firstError().path("extensions").path("argument").asString()).isEqualTo("input.name");
		var text = createAccount(tenant, "k-3", "512002", "Bank\tmain\r\naccount");
		assertThat(text.json().path("errors").isEmpty()).as(text.text()).isTrue();
		assertThat(text.json().path("data").path("createAccount").path("account").path("name").asString()).contains("\t");
	}

	@Test
	void refusesAForgedCursorHoldingANul() {
		String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString("cursor:a\u0000b".getBytes(StandardCharsets.UTF_8));
		String tenant = newTenant("cursor");
		for (String document : new String[] { "query($after: String) { accounts(first: 5, after: $after) { totalCount } }",
				"query($after: String) { auditLog(first: 5, after: $after) { totalCount } }" }) {
			var answer = Probe.graphQl(web, tokens.token(tenant, Role.ADMIN), document, Map.of("after", cursor));
			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.firstErrorCode()).as(answer.text()).isEqualTo("BAD_USER_INPUT");
		}
	}

	@Test
	void refusesAFilterHoldingANul() {
		var answer = Probe.graphQl(web, tokens.token(newTenant("filter"), Role.ADMIN),
				"query($action: String) { auditLog(first: 5, action: $action) { totalCount } }", Map.of("action", "ledger\u0000"));
		assertThat(answer.firstErrorCode()).as(answer.text()).isEqualTo("BAD_USER_INPUT");
		assertThat(answer.firstError().path("extensions").path("argument").asString()).isEqualTo("action");
	}

	@Test
	void refusesATokenWhoseTenantHoldsAControlCharacter() {
		for (String tenant : new String[] { "evil\u0000tenant", "evil\ntenant" }) {
			var answer = Probe.graphQl(web, tokens.token(tenant, Role.ADMIN), "{ viewer { tenant } }", Map.of());
			assertThat(answer.status()).isEqualTo(401);
			assertThat(answer.firstErrorCode()).isEqualTo("UNAUTHENTICATED");
		}
	}

	private Probe.Answer createAccount(String tenant, String key, String code, String name) {
		return Probe.graphQl(web, tokens.token(tenant, Role.ADMIN), CREATE_ACCOUNT,
				Map.of("input", Map.of("idempotencyKey", key, "code", code, "name", name, "currency", "EUR", "type", "ASSET")));
	}

}
