package com.performanceos.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code verifyAuditChain} costs what its walk costs: one unit per 1,000 records of the caller's
 * chain on top of its static weight, once per alias, so that a long chain cannot be re-hashed many
 * times for the price of one field. The chain's length is read from its head; the head is set
 * directly here, as a chain of a million records would take minutes to write.
 */
class AuditChainPricingTests extends IntegrationTest {

	@Test
	void verificationIsPricedByTheLengthOfTheChainItWalks() throws SQLException {
		String shortChain = newTenant("chain-short");
		String longChain = newTenant("chain-long");
		setChainLength(longChain, 1_500_000);

		int shortCost = requested(shortChain, "{ verifyAuditChain { valid checkedRecords } }");
		int longCost = requested(longChain, "{ verifyAuditChain { valid checkedRecords } }");
		assertThat(longCost - shortCost).isEqualTo(1_500);

		Http.Answer twoAliases = Http.graphQl(web, tokens.token(longChain, Role.AUDITOR),
				Map.of("query", "{ a: verifyAuditChain { valid } b: verifyAuditChain { valid } }"));
		assertThat(twoAliases.json().path("extensions").path("cost").path("requested").asInt()).as(twoAliases.text()).isGreaterThanOrEqualTo(3_000);
	}

	@Test
	void aliasesOverALongChainAreRefusedBeforeTheWalkStarts() throws SQLException {
		String tenant = newTenant("chain-aliases");
		setChainLength(tenant, 2_000_000);
		Http.Answer answer = Http.graphQl(web, tokens.token(tenant, Role.ADMIN),
				Map.of("query", "{ a: verifyAuditChain { valid } b: verifyAuditChain { valid } c: verifyAuditChain { valid } }"));

		assertThat(answer.firstErrorCode()).as(answer.text()).isEqualTo("COST_LIMIT_EXCEEDED");
		assertThat(answer.json().path("errors").path(0).path("extensions").path("cost").asInt()).isGreaterThan(6_000);
		assertThat(answer.hasData()).isFalse();
	}

	private int requested(String tenant, String document) {
		Http.Answer answer = Http.graphQl(web, tokens.token(tenant, Role.AUDITOR), Map.of("query", document));
		assertThat(answer.json().path("data").path("verifyAuditChain").isObject()).as(answer.text()).isTrue();
		return answer.json().path("extensions").path("cost").path("requested").asInt();
	}

	private static void setChainLength(String tenant, long length) throws SQLException {
		try (Connection connection = TestServices.shared().superuserConnection();
				PreparedStatement statement = connection.prepareStatement(
						"INSERT INTO audit_chain_head (tenant_id, last_seq, last_hash) VALUES (?, ?, 'forged')")) {
			statement.setString(1, tenant);
			statement.setLong(2, length);
			statement.executeUpdate();
		}
	}

}
