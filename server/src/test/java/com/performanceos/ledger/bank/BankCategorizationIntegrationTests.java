package com.performanceos.ledger.bank;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import com.performanceos.platform.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

class BankCategorizationIntegrationTests extends BankTestSupport {

	@Test
	void rulesPostMatchedTransactionsAndQueueTheOthersForManualCategorisation() throws Exception {
		String tenant = newTenant("bank-rules");
		String externalId = "agg-" + tenant;
		var finance = graphQl(tenant, Role.FINANCE);
		String bank = ledgerAccount(finance, "512000", "ASSET", "EUR");
		String social = ledgerAccount(finance, "645000", "EXPENSE", "EUR");
		String rent = ledgerAccount(finance, "613200", "EXPENSE", "EUR");
		String customers = ledgerAccount(finance, "411000", "ASSET", "EUR");
		String fees = ledgerAccount(finance, "627000", "EXPENSE", "EUR");
		bankAccount(finance, bankAccountInput("bank", "Compte courant", "BNP Paribas", "FR-PARIS", "EUR", iban("30004000031234567890143"),
				bank, "0", "2026-01-01", externalId));
		rule(finance, "r-urssaf", "URSSAF", "urssaf", null, 10, social);
		// Anchored wildcard: the label must start with "PRLV" and end with "LOYER".
		rule(finance, "r-rent", "Loyer", null, "prlv*loyer", 20, rent);
		// A broader rule with a lower precedence: an URSSAF payment never reaches it.
		rule(finance, "r-any-prlv", "Any direct debit", null, "PRLV", 30, rent);
		finance.documentName("bankCreateCategorizationRule")
			.variable("input", Map.of("idempotencyKey", "r-bad", "name", "No pattern", "priority", 1, "accountId", rent))
			.execute()
			.path("createCategorizationRule.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");

		deliverSigned(batch(externalId, List.of(
				transaction("tx-urssaf", "2026-05-05", "-2480.00", "EUR", "URSSAF Ile-de-France", "PRLV URSSAF COTISATIONS AVRIL"),
				transaction("tx-rent", "2026-05-02", "-1800.00", "EUR", "SCI Les Tilleuls", "PRLV SEPA LOYER"),
				transaction("tx-customer", "2026-05-06", "3600.00", "EUR", "Boulangerie Martin", "VIR FACTURE F-2026-041"))))
			.expectStatus().isOk()
			.expectBody().jsonPath("$.categorized").isEqualTo(2).jsonPath("$.unmatched").isEqualTo(1);

		var auditor = graphQl(tenant, Role.AUDITOR);
		auditor.documentName("bankTransactionsList").variable("status", "CATEGORIZED").execute()
			.path("bankTransactions.nodes[*].externalId").entityList(String.class).containsExactly("tx-rent", "tx-urssaf")
			.path("bankTransactions.nodes[*].rule.name").entityList(String.class).containsExactly("Loyer", "URSSAF")
			.path("bankTransactions.nodes[*].account.code").entityList(String.class).containsExactly("613200", "645000");
		assertThat(balances(auditor)).containsEntry("512000", "-4280.000000").containsEntry("645000", "2480.000000")
			.containsEntry("613200", "1800.000000").containsEntry("411000", "0");

		GraphQlTester.Response queue = auditor.documentName("bankUnmatchedTransactions").execute();
		queue.path("unmatchedBankTransactions.totalCount").entity(Integer.class).isEqualTo(1);
		String unmatched = queue.path("unmatchedBankTransactions.nodes[0].id").entity(String.class).get();

		Map<String, Object> categorize = Map.of("idempotencyKey", "cat-1", "transactionId", unmatched, "accountId", customers);
		String entryId = finance.documentName("bankCategorizeTransaction").variable("input", categorize).execute()
			.path("categorizeBankTransaction.userErrors").entityList(Object.class).hasSize(0)
			.path("categorizeBankTransaction.transaction.status").entity(String.class).isEqualTo("CATEGORIZED")
			.path("categorizeBankTransaction.transaction.account.code").entity(String.class).isEqualTo("411000")
			.path("categorizeBankTransaction.transaction.journalEntryId").entity(String.class).get();
		// A replay answers the same; categorising again under another key is refused.
		finance.documentName("bankCategorizeTransaction").variable("input", categorize).execute()
			.path("categorizeBankTransaction.transaction.journalEntryId").entity(String.class).isEqualTo(entryId);
		finance.documentName("bankCategorizeTransaction")
			.variable("input", Map.of("idempotencyKey", "cat-2", "transactionId", unmatched, "accountId", fees))
			.execute()
			.path("categorizeBankTransaction.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_CATEGORIZED");

		auditor.documentName("bankUnmatchedTransactions").execute().path("unmatchedBankTransactions.totalCount").entity(Integer.class).isEqualTo(0);
		assertThat(balances(auditor)).containsEntry("512000", "-680.000000").containsEntry("411000", "-3600.000000");
		auditor.document("query($id: ID!) { node(id: $id) { ... on JournalEntry { effectiveDate lines { account { code } side amount { amount } } } } }")
			.variable("id", entryId).execute()
			.path("node.effectiveDate").entity(String.class).isEqualTo("2026-05-06")
			.path("node.lines[*].side").entityList(String.class).containsExactly("DEBIT", "CREDIT")
			.path("node.lines[*].account.code").entityList(String.class).containsExactly("512000", "411000");
		assertThat(superuserRows("SELECT count(*) FROM audit_log WHERE tenant_id = ? AND action = 'ledger.bank_transaction.categorized'", tenant))
			.containsExactly(List.of("1"));
	}

	@Test
	void wildcardPatternsAreAnchoredAndPlainOnesMatchAnywhereIgnoringCase() {
		assertThat(new TextPattern("urssaf").matches("PRLV URSSAF IDF")).isTrue();
		assertThat(new TextPattern("URSSAF*").matches("PRLV URSSAF IDF")).isFalse();
		assertThat(new TextPattern("prlv*idf").matches("PRLV URSSAF IDF")).isTrue();
		assertThat(new TextPattern("*sarl").matches("Martin SARL")).isTrue();
		assertThat(new TextPattern("a*b*a").matches("aba")).isTrue();
		assertThat(new TextPattern("ab*ba").matches("aba")).isFalse();
		assertThat(new TextPattern("(a+)+$").matches("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!")).isFalse();
		assertThat(TextPattern.isValid("**")).isFalse();
	}

	private static void rule(GraphQlTester tester, String key, String name, String counterparty, String label, int priority, String accountId) {
		Map<String, Object> input = new java.util.HashMap<>(Map.of("idempotencyKey", key, "name", name, "priority", priority, "accountId", accountId));
		if (counterparty != null) {
			input.put("counterpartyPattern", counterparty);
		}
		if (label != null) {
			input.put("labelPattern", label);
		}
		tester.documentName("bankCreateCategorizationRule").variable("input", input).execute()
			.path("createCategorizationRule.userErrors").entityList(Object.class).hasSize(0);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> balances(GraphQlTester tester) {
		List<Map<String, Object>> nodes = tester.documentName("accountBalances").variable("asOf", "2026-12-31").execute()
			.path("accountBalances.nodes").entityList(Map.class).get().stream().map(node -> (Map<String, Object>) node).toList();
		Map<String, String> byCode = new java.util.HashMap<>();
		nodes.forEach(node -> byCode.put((String) ((Map<String, Object>) node.get("account")).get("code"),
				(String) ((Map<String, Object>) node.get("net")).get("amount")));
		return byCode;
	}

}
