package com.performanceos.ledger.balances;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bitemporal balances against a hand-computed fixture:
 * <pre>
 *   E1  effective 2026-03-10  bank D 100.00 / sales C 100.00   posted first   (knownAt T1 = its postedAt)
 *   E2  effective 2026-03-05  bank D  50.00 / sales C  50.00   posted after T1 (back-dated)
 *   E3  effective 2026-04-02  bank D   7.10 / sales C   7.10
 *   R1  effective 2026-03-20  reversal of E1
 * </pre>
 */
class BalanceIntegrationTests extends IntegrationTest {

	@Test
	void balancesFollowBothEffectiveDateAndSystemTime() {
		GraphQlTester finance = graphQl(newTenant("balances"), Role.FINANCE);
		String bank = account(finance, "512000", "ASSET");
		String sales = account(finance, "706000", "REVENUE");
		var e1 = post(finance, "e1", "2026-03-10", bank, sales, "100.00");
		String e1Id = e1.path("postJournalEntry.entry.id").entity(String.class).get();
		String knownAtT1 = e1.path("postJournalEntry.entry.postedAt").entity(String.class).get();
		post(finance, "e2", "2026-03-05", bank, sales, "50.00");
		post(finance, "e3", "2026-04-02", bank, sales, "7.10");

		assertThat(net(finance, "2026-03-31", null, "512000")).isEqualByComparingTo("150.00");
		finance.documentName("reverseJournalEntry")
			.variable("input", Map.of("idempotencyKey", "r1", "entryId", e1Id, "effectiveDate", "2026-03-20", "reason", "Duplicate"))
			.execute().path("reverseJournalEntry.userErrors").entityList(Object.class).hasSize(0);

		// The reversal restores the balance from its effective date on.
		assertThat(net(finance, "2026-03-31", null, "512000")).isEqualByComparingTo("50.00");
		assertThat(net(finance, "2026-03-15", null, "512000")).isEqualByComparingTo("150.00");
		assertThat(net(finance, "2026-04-30", null, "512000")).isEqualByComparingTo("57.10");
		assertThat(net(finance, "2026-04-30", null, "706000")).isEqualByComparingTo("-57.10");
		// As known at T1 only E1 existed: the back-dated E2 and everything later are invisible.
		assertThat(net(finance, "2026-03-31", knownAtT1, "512000")).isEqualByComparingTo("100.00");
		assertThat(net(finance, "2026-03-07", knownAtT1, "512000")).isEqualByComparingTo("0");
		assertThat(net(finance, "2026-03-07", null, "512000")).isEqualByComparingTo("50.00");

		var all = finance.documentName("accountBalances").variable("asOf", "2026-04-30").execute();
		all.path("accountBalances.totalCount").entity(Integer.class).isEqualTo(2)
			.path("accountBalances.nodes[0].debitTotal.amount").entity(BigDecimal.class).satisfies(debit -> assertThat(debit).isEqualByComparingTo("157.10"))
			.path("accountBalances.nodes[0].creditTotal.amount").entity(BigDecimal.class).satisfies(credit -> assertThat(credit).isEqualByComparingTo("100.00"))
			.path("accountBalances.nodes[0].lineCount").entity(Integer.class).isEqualTo(4);
	}

	@Test
	void anotherTenantsBalancesAreZeroAndItsAccountsAbsent() {
		GraphQlTester a = graphQl(newTenant("bal-a"), Role.FINANCE);
		post(a, "e", "2026-03-01", account(a, "512000", "ASSET"), account(a, "706000", "REVENUE"), "10");
		graphQl(newTenant("bal-b"), Role.ANALYST).documentName("accountBalances").variable("asOf", "2026-12-31").execute()
			.path("accountBalances.totalCount").entity(Integer.class).isEqualTo(0);
	}

	private static BigDecimal net(GraphQlTester tester, String asOf, String knownAt, String code) {
		var request = tester.documentName("accountBalances").variable("asOf", asOf);
		if (knownAt != null) {
			request = request.variable("knownAt", knownAt);
		}
		List<Map<String, Object>> nodes = request.execute().path("accountBalances.nodes").entity(List.class).get();
		return nodes.stream()
			.filter(node -> code.equals(((Map<?, ?>) node.get("account")).get("code")))
			.map(node -> new BigDecimal((String) ((Map<?, ?>) node.get("net")).get("amount")))
			.findFirst()
			.orElseThrow();
	}

	private static String account(GraphQlTester tester, String code, String type) {
		return tester.documentName("createAccount")
			.variable("input", Map.of("idempotencyKey", "acc-" + code, "code", code, "name", code, "type", type, "currency", "EUR"))
			.execute().path("createAccount.account.id").entity(String.class).get();
	}

	private static GraphQlTester.Response post(GraphQlTester tester, String key, String date, String debit, String credit, String amount) {
		return tester.documentName("postJournalEntry")
			.variable("input", Map.of("idempotencyKey", key, "effectiveDate", date, "description", "Fixture " + key, "lines",
					List.of(Map.of("accountId", debit, "side", "DEBIT", "amount", amount, "currency", "EUR"),
							Map.of("accountId", credit, "side", "CREDIT", "amount", amount, "currency", "EUR"))))
			.execute();
	}

}
