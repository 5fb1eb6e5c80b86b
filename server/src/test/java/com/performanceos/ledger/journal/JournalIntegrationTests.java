package com.performanceos.ledger.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.SqlStatementCounter;
import com.performanceos.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;

class JournalIntegrationTests extends IntegrationTest {

	@Autowired
	private SqlStatementCounter statements;

	@Test
	void postsABalancedEntryWithItsLinesAndAccounts() {
		Ledger ledger = new Ledger(graphQl(newTenant("post"), Role.FINANCE));
		var response = ledger.post("k1", "2026-03-15", line(ledger.bank, "DEBIT", "1200.50"), line(ledger.sales, "CREDIT", "1200.50"));
		response.path("postJournalEntry.userErrors").entityList(Object.class).hasSize(0)
			.path("postJournalEntry.entry.effectiveDate").entity(String.class).isEqualTo("2026-03-15")
			.path("postJournalEntry.entry.lines[0].amount.amount").entity(String.class).isEqualTo("1200.500000")
			.path("postJournalEntry.entry.lines[0].account.code").entity(String.class).isEqualTo("512000")
			.path("postJournalEntry.entry.lines[1].side").entity(String.class).isEqualTo("CREDIT");
	}

	@Test
	void unbalancedEntryIsRefusedAndStoresNothing() {
		Ledger ledger = new Ledger(graphQl(newTenant("unbalanced"), Role.FINANCE));
		ledger.post("k1", "2026-03-15", line(ledger.bank, "DEBIT", "100.00"), line(ledger.sales, "CREDIT", "99.99"))
			.path("postJournalEntry.entry").valueIsNull()
			.path("postJournalEntry.userErrors[0].code").entity(String.class).isEqualTo("UNBALANCED_ENTRY")
			.path("postJournalEntry.userErrors[0].message").entity(String.class).satisfies(message -> assertThat(message).contains("0.01 EUR"));
		assertThat(ledger.entryCount()).isZero();
	}

	@Test
	void replayReturnsTheOriginalAndAnotherPayloadConflicts() {
		Ledger ledger = new Ledger(graphQl(newTenant("replay"), Role.FINANCE));
		String id = ledger.post("same", "2026-03-15", line(ledger.bank, "DEBIT", "10"), line(ledger.sales, "CREDIT", "10"))
			.path("postJournalEntry.entry.id").entity(String.class).get();
		ledger.post("same", "2026-03-15", line(ledger.bank, "DEBIT", "10"), line(ledger.sales, "CREDIT", "10"))
			.path("postJournalEntry.entry.id").entity(String.class).isEqualTo(id);
		ledger.post("same", "2026-03-15", line(ledger.bank, "DEBIT", "11"), line(ledger.sales, "CREDIT", "11"))
			.path("postJournalEntry.entry").valueIsNull()
			.path("postJournalEntry.userErrors[0].code").entity(String.class).isEqualTo("IDEMPOTENCY_CONFLICT");
		assertThat(ledger.entryCount()).isEqualTo(1);
	}

	@Test
	void postingIntoAClosedPeriodIsRefusedAndARetryAfterReopeningSucceedsWithTheSameKey() throws Exception {
		String tenant = newTenant("closed");
		Ledger ledger = new Ledger(graphQl(tenant, Role.FINANCE));
		setPeriod(tenant, "2026-02-01", "CLOSED");
		ledger.post("k", "2026-02-27", line(ledger.bank, "DEBIT", "5"), line(ledger.sales, "CREDIT", "5"))
			.path("postJournalEntry.userErrors[0].code").entity(String.class).isEqualTo("PERIOD_CLOSED")
			.path("postJournalEntry.userErrors[0].field").entityList(String.class).containsExactly("input", "effectiveDate");
		assertThat(ledger.entryCount()).isZero();
		setPeriod(tenant, "2026-02-01", "OPEN");
		// The refused attempt rolled back its idempotency claim: the same key now posts.
		ledger.post("k", "2026-02-27", line(ledger.bank, "DEBIT", "5"), line(ledger.sales, "CREDIT", "5"))
			.path("postJournalEntry.userErrors").entityList(Object.class).hasSize(0);
	}

	@Test
	void unknownAccountAndCurrencyMismatchAreUserErrorsNamingTheLine() {
		Ledger ledger = new Ledger(graphQl(newTenant("lines"), Role.FINANCE));
		String otherTenantsAccount = new Ledger(graphQl(newTenant("other"), Role.FINANCE)).bank;
		ledger.post("k", "2026-03-01", line(otherTenantsAccount, "DEBIT", "5"), line(ledger.sales, "CREDIT", "5"))
			.path("postJournalEntry.userErrors[0].code").entity(String.class).isEqualTo("UNKNOWN_ACCOUNT")
			.path("postJournalEntry.userErrors[0].field").entityList(String.class).containsExactly("input", "lines", "0", "accountId");
		ledger.post("k2", "2026-03-01", Map.of("accountId", ledger.bank, "side", "DEBIT", "amount", "5", "currency", "USD"),
				Map.of("accountId", ledger.sales, "side", "CREDIT", "amount", "5", "currency", "USD"))
			.path("postJournalEntry.userErrors[*].code").entityList(String.class).containsExactly("CURRENCY_MISMATCH", "CURRENCY_MISMATCH");
		assertThat(ledger.entryCount()).isZero();
	}

	@Test
	void reversalMirrorsTheOriginalAndIsLinkedBothWays() {
		Ledger ledger = new Ledger(graphQl(newTenant("reverse"), Role.FINANCE));
		String id = ledger.post("k", "2026-03-10", line(ledger.bank, "DEBIT", "300"), line(ledger.sales, "CREDIT", "300"))
			.path("postJournalEntry.entry.id").entity(String.class).get();
		var reversal = ledger.tester.documentName("reverseJournalEntry")
			.variable("input", Map.of("idempotencyKey", "r1", "entryId", id, "reason", "Posted twice"))
			.execute();
		reversal.path("reverseJournalEntry.userErrors").entityList(Object.class).hasSize(0)
			.path("reverseJournalEntry.reversal.effectiveDate").entity(String.class).isEqualTo("2026-03-10")
			.path("reverseJournalEntry.reversal.lines[0].side").entity(String.class).isEqualTo("CREDIT")
			.path("reverseJournalEntry.reversal.lines[0].account.code").entity(String.class).isEqualTo("512000")
			.path("reverseJournalEntry.reversal.reversalOf.id").entity(String.class).isEqualTo(id);
		String reversalId = reversal.path("reverseJournalEntry.reversal.id").entity(String.class).get();
		reversal.path("reverseJournalEntry.reversal.reversalOf.reversedBy.id").entity(String.class).isEqualTo(reversalId);
		ledger.tester.documentName("reverseJournalEntry")
			.variable("input", Map.of("idempotencyKey", "r2", "entryId", id, "reason", "Again"))
			.execute()
			.path("reverseJournalEntry.userErrors[0].code").entity(String.class).isEqualTo("NOT_REVERSIBLE");
		ledger.tester.documentName("reverseJournalEntry")
			.variable("input", Map.of("idempotencyKey", "r3", "entryId", reversalId, "reason", "Undo the undo"))
			.execute()
			.path("reverseJournalEntry.userErrors[0].code").entity(String.class).isEqualTo("NOT_REVERSIBLE");
		assertThat(ledger.entryCount()).isEqualTo(2);
	}

	@Test
	void bulkOfTenThousandWithOneBadEntryStoresNoneAndNamesIt() {
		Ledger ledger = new Ledger(graphQl(newTenant("bulk-bad"), Role.FINANCE));
		List<Map<String, Object>> entries = ledger.entries(10_000);
		entries.set(7_321, ledger.entry("2026-03-02", line(ledger.bank, "DEBIT", "10"), line(ledger.sales, "CREDIT", "9")));
		ledger.tester.documentName("postJournalEntries")
			.variable("input", Map.of("idempotencyKey", "bulk", "entries", entries))
			.execute()
			.path("postJournalEntries.postedCount").entity(Integer.class).isEqualTo(0)
			.path("postJournalEntries.userErrors[0].code").entity(String.class).isEqualTo("UNBALANCED_ENTRY")
			.path("postJournalEntries.userErrors[0].field").entityList(String.class).containsExactly("input", "entries", "7321", "lines");
		assertThat(ledger.entryCount()).isZero();
	}

	@Test
	void bulkOfTenThousandPostsAllAndReplaysIdempotently() {
		Ledger ledger = new Ledger(graphQl(newTenant("bulk-ok"), Role.FINANCE));
		Map<String, Object> input = Map.of("idempotencyKey", "bulk", "entries", ledger.entries(10_000));
		for (int attempt = 0; attempt < 2; attempt++) {
			ledger.tester.documentName("postJournalEntries").variable("input", input).execute()
				.path("postJournalEntries.userErrors").entityList(Object.class).hasSize(0)
				.path("postJournalEntries.postedCount").entity(Integer.class).isEqualTo(10_000)
				.path("postJournalEntries.postedLineCount").entity(Integer.class).isEqualTo(20_000);
		}
		assertThat(ledger.entryCount()).isEqualTo(10_000);
	}

	@Test
	void entriesArePaginatedByEffectiveDateAndInvisibleToOtherTenants() {
		Ledger ledger = new Ledger(graphQl(newTenant("list"), Role.FINANCE));
		ledger.post("a", "2026-03-20", line(ledger.bank, "DEBIT", "1"), line(ledger.sales, "CREDIT", "1"));
		ledger.post("b", "2026-03-05", line(ledger.bank, "DEBIT", "2"), line(ledger.sales, "CREDIT", "2"));
		ledger.post("c", "2026-04-01", line(ledger.bank, "DEBIT", "3"), line(ledger.sales, "CREDIT", "3"));
		var page = ledger.tester.documentName("journalEntries").variable("first", 2).execute();
		page.path("journalEntries.nodes[*].effectiveDate").entityList(String.class).containsExactly("2026-03-05", "2026-03-20")
			.path("journalEntries.totalCount").entity(Integer.class).isEqualTo(3);
		String cursor = page.path("journalEntries.pageInfo.endCursor").entity(String.class).get();
		ledger.tester.documentName("journalEntries").variable("first", 2).variable("after", cursor).execute()
			.path("journalEntries.nodes[*].effectiveDate").entityList(String.class).containsExactly("2026-04-01");
		ledger.tester.documentName("journalEntries").variable("first", 10).variable("from", "2026-03-10").variable("to", "2026-03-31").execute()
			.path("journalEntries.nodes[*].effectiveDate").entityList(String.class).containsExactly("2026-03-20");
		new Ledger(graphQl(newTenant("stranger"), Role.FINANCE)).tester.documentName("journalEntries").variable("first", 10).execute()
			.path("journalEntries.totalCount").entity(Integer.class).isEqualTo(0);
	}

	/**
	 * A page of entries with their lines and each line's account costs the same statements for one
	 * entry as for twenty-one: relations are loaded per page (AccountsByKey), never per entry or line.
	 */
	@Test
	void aPageOfEntriesWithLinesAndAccountsTakesAFixedNumberOfStatements() {
		String tenant = newTenant("statements");
		Ledger ledger = new Ledger(graphQl(tenant, Role.FINANCE));
		ledger.post("one", "2026-03-01", line(ledger.bank, "DEBIT", "1"), line(ledger.sales, "CREDIT", "1"));
		int forOneEntry = statementsOfAPage(ledger, tenant, 1);
		ledger.tester.documentName("postJournalEntries").variable("input", Map.of("idempotencyKey", "twenty", "entries", ledger.entries(20)))
			.execute()
			.path("postJournalEntries.postedCount").entity(Integer.class).isEqualTo(20);
		int forTwentyOneEntries = statementsOfAPage(ledger, tenant, 21);
		assertThat(forOneEntry).as("statements counted for the tenant").isPositive();
		assertThat(forTwentyOneEntries).as("statements for 21 entries, 42 lines and their accounts").isEqualTo(forOneEntry);
	}

	private int statementsOfAPage(Ledger ledger, String tenant, int entries) {
		statements.reset(tenant);
		ledger.tester.documentName("journalEntries").variable("first", 50).execute()
			.path("journalEntries.nodes").entityList(Object.class).hasSize(entries)
			.path("journalEntries.nodes[*].lines[*].account.code").entityList(String.class).hasSize(2 * entries);
		return statements.statements(tenant);
	}

	private static void setPeriod(String tenant, String month, String status) throws Exception {
		try (Connection connection = TestServices.shared().superuserConnection();
				PreparedStatement sql = connection.prepareStatement("INSERT INTO ledger_period (tenant_id, month, status) VALUES (?, ?::date, ?) "
						+ "ON CONFLICT (tenant_id, month) DO UPDATE SET status = excluded.status")) {
			sql.setString(1, tenant);
			sql.setString(2, month);
			sql.setString(3, status);
			sql.executeUpdate();
		}
	}

	private static Map<String, Object> line(String accountId, String side, String amount) {
		return Map.of("accountId", accountId, "side", side, "amount", amount, "currency", "EUR");
	}

	/** A tenant with a bank and a sales account, and helpers to post to them. */
	private static final class Ledger {

		final GraphQlTester tester;

		final String bank;

		final String sales;

		Ledger(GraphQlTester tester) {
			this.tester = tester;
			this.bank = account("512000", "ASSET");
			this.sales = account("706000", "REVENUE");
		}

		private String account(String code, String type) {
			return tester.documentName("createAccount")
				.variable("input", Map.of("idempotencyKey", "acc-" + code, "code", code, "name", code, "type", type, "currency", "EUR"))
				.execute()
				.path("createAccount.account.id").entity(String.class).get();
		}

		@SafeVarargs
		final GraphQlTester.Response post(String key, String date, Map<String, Object>... lines) {
			Map<String, Object> input = new java.util.HashMap<>(entry(date, lines));
			input.put("idempotencyKey", key);
			return tester.documentName("postJournalEntry").variable("input", input).execute();
		}

		@SafeVarargs
		final Map<String, Object> entry(String date, Map<String, Object>... lines) {
			return Map.of("idempotencyKey", "unused-in-batches", "effectiveDate", date, "description", "Sale " + date,
					"lines", List.of(lines));
		}

		List<Map<String, Object>> entries(int count) {
			List<Map<String, Object>> entries = new ArrayList<>(count);
			for (int index = 0; index < count; index++) {
				String amount = (index % 997 + 1) + ".25";
				entries.add(entry("2026-03-" + String.format("%02d", index % 28 + 1), line(bank, "DEBIT", amount),
						line(sales, "CREDIT", amount)));
			}
			return entries;
		}

		int entryCount() {
			return tester.documentName("journalEntries").variable("first", 1).execute()
				.path("journalEntries.totalCount").entity(Integer.class).get();
		}

	}

}
