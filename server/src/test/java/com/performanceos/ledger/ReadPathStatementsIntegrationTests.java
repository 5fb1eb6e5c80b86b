package com.performanceos.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.SqlStatementCounter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read path's shapes of the PostGraphile benchmark (bench/README.md, read path) cost one SQL
 * statement per request level, as PostGraphile's one query per root field does: a page and its
 * count together, a page of entries with their lines together, relations by key from memory or in
 * one batch. The tenant binding that opens each transaction is not counted (SqlStatementCounter).
 */
class ReadPathStatementsIntegrationTests extends IntegrationTest {

	private static final int ACCOUNTS = 5;

	private static final int ENTRIES = 21;

	@Autowired
	private SqlStatementCounter statements;

	private String tenant;

	private GraphQlTester finance;

	private final List<String> accountIds = new ArrayList<>();

	@BeforeEach
	void ledgerOfFiveAccountsAndTwentyOneEntries() {
		tenant = newTenant("readpath");
		finance = graphQl(tenant, Role.FINANCE);
		for (int index = 0; index < ACCOUNTS; index++) {
			String code = "60" + index + "000";
			accountIds.add(finance.documentName("createAccount")
				.variable("input", Map.of("idempotencyKey", "acc-" + code, "code", code, "name", "Account " + code, "type", "EXPENSE",
						"currency", "EUR"))
				.execute()
				.path("createAccount.account.id").entity(String.class).get());
		}
		List<Map<String, Object>> entries = new ArrayList<>();
		for (int index = 0; index < ENTRIES; index++) {
			String amount = (index + 1) + ".50";
			entries.add(Map.of("idempotencyKey", "unused", "effectiveDate", "2026-03-" + String.format("%02d", index % 28 + 1),
					"description", "Entry " + index, "reference", "R-" + index, "lines",
					List.of(line(accountIds.get(index % ACCOUNTS), "DEBIT", amount), line(accountIds.get((index + 1) % ACCOUNTS), "CREDIT", amount))));
		}
		finance.documentName("postJournalEntries").variable("input", Map.of("idempotencyKey", "entries", "entries", entries))
			.execute()
			.path("postJournalEntries.postedCount").entity(Integer.class).isEqualTo(ENTRIES);
	}

	@Test
	void aPageOfAccountsWithItsTotalCountIsOneStatement() {
		statements.reset(tenant);
		finance.documentName("readPathList").variable("first", 3).execute()
			.path("accounts.totalCount").entity(Integer.class).isEqualTo(ACCOUNTS)
			.path("accounts.nodes[*].code").entityList(String.class).containsExactly("600000", "601000", "602000");
		assertThat(statements.statements(tenant)).as("statements of a counted page of accounts").isEqualTo(1);
	}

	@Test
	void aPageOfAccountsPastTheLastStillCountsThemInTheSameStatement() {
		String last = finance.document("{ accounts(first: 5) { pageInfo { endCursor } } }").execute()
			.path("accounts.pageInfo.endCursor").entity(String.class).get();
		statements.reset(tenant);
		finance.documentName("readPathList").variable("first", 3).variable("after", last).execute()
			.path("accounts.totalCount").entity(Integer.class).isEqualTo(ACCOUNTS)
			.path("accounts.nodes").entityList(Object.class).hasSize(0);
		assertThat(statements.statements(tenant)).isEqualTo(1);
		graphQl(newTenant("readpath-empty"), Role.FINANCE).documentName("readPathList").variable("first", 3).execute()
			.path("accounts.totalCount").entity(Integer.class).isEqualTo(0)
			.path("accounts.nodes").entityList(Object.class).hasSize(0);
	}

	@Test
	void aPageOfEntriesWithTheirLinesAndAccountsIsOneStatement() {
		// The first read fills the account cache (accounts never change once created).
		nested(20);
		statements.reset(tenant);
		nested(20);
		assertThat(statements.statements(tenant)).as("statements of 20 entries, 40 lines and their accounts").isEqualTo(1);
	}

	@Test
	void aNodeReadOnceIsAnsweredFromMemory() {
		statements.reset(tenant);
		node(accountIds.get(2));
		int first = statements.statements(tenant);
		statements.reset(tenant);
		node(accountIds.get(2));
		assertThat(first).as("the first read of an account").isLessThanOrEqualTo(1);
		assertThat(statements.statements(tenant)).as("a later read of the same account").isZero();
	}

	/**
	 * Balances are two statements: the accounts' page (counted) from their owner, then the journal's
	 * totals over that page's accounts; each package names only its own tables (TableOwnershipTests).
	 */
	@Test
	void aPageOfBalancesIsTheAccountsPageAndOneAggregate() {
		statements.reset(tenant);
		finance.documentName("readPathBalances").variable("asOf", "2026-06-30").variable("first", 20).execute()
			.path("accountBalances.totalCount").entity(Integer.class).isEqualTo(ACCOUNTS)
			.path("accountBalances.nodes[*].lineCount").entityList(Integer.class).containsExactly(9, 9, 8, 8, 8);
		assertThat(statements.statements(tenant)).isEqualTo(2);
	}

	private void nested(int first) {
		finance.documentName("readPathNested").variable("first", first).execute()
			.path("journalEntries.nodes").entityList(Object.class).hasSize(first)
			.path("journalEntries.nodes[0].lines[*].lineNumber").entityList(Integer.class).containsExactly(1, 2)
			.path("journalEntries.nodes[*].lines[*].account.code").entityList(String.class).hasSize(2 * first);
	}

	private void node(String id) {
		finance.documentName("readPathNode").variable("id", id).execute()
			.path("node.code").entity(String.class).isEqualTo("602000");
	}

	private static Map<String, Object> line(String accountId, String side, String amount) {
		return Map.of("accountId", accountId, "side", side, "amount", amount, "currency", "EUR");
	}

}
