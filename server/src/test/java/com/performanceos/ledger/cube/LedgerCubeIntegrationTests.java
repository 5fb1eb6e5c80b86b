package com.performanceos.ledger.cube;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Posted lines reach the analytics store (ClickHouse in this context) through the outbox, and the
 * cube's account × month totals equal the totals PostgreSQL computes over the same lines.
 */
class LedgerCubeIntegrationTests extends IntegrationTest {

	private static final String[] CODES = { "512000", "411000", "706000", "601000" };

	@Test
	void cubeTotalsByAccountAndMonthEqualPostgresTotals() throws Exception {
		String tenant = newTenant("cube");
		GraphQlTester finance = graphQl(tenant, Role.FINANCE, Role.ANALYST);
		Map<String, String> accounts = createAccounts(finance);
		int lines = postFixture(finance, accounts);
		Map<String, List<Object>> expected = postgresTotals(tenant);

		Map<String, Object> input = Map.of("measures", List.of("DEBIT", "CREDIT", "NET", "LINE_COUNT"), "dimensions",
				List.of("ACCOUNT"), "grain", "MONTH", "effectiveFrom", "2026-01-01", "effectiveTo", "2026-06-30");
		List<Map<String, Object>> rows = awaitCube(finance, input, lines);
		assertThat(toTotals(rows)).isEqualTo(expected).hasSizeGreaterThan(8);
		assertThat(rows.get(0).get("periodEnd")).isNotNull();
	}

	/** Cube rows keyed like {@link #postgresTotals}. */
	static Map<String, List<Object>> toTotals(List<Map<String, Object>> rows) {
		Map<String, List<Object>> actual = new TreeMap<>();
		for (Map<String, Object> row : rows) {
			String key = ((Map<?, ?>) row.get("account")).get("code") + "|" + row.get("period");
			actual.put(key, List.of(new BigDecimal((String) row.get("debit")).stripTrailingZeros(),
					new BigDecimal((String) row.get("credit")).stripTrailingZeros(), new BigDecimal((String) row.get("net")).stripTrailingZeros(),
					((Number) row.get("lineCount")).longValue()));
		}
		return actual;
	}

	@Test
	void everyCellDrillsDownToItsLinesAndTheSecondAskIsCached() {
		String tenant = newTenant("drill");
		GraphQlTester finance = graphQl(tenant, Role.FINANCE, Role.ANALYST);
		Map<String, String> accounts = createAccounts(finance);
		int lines = postFixture(finance, accounts);
		Map<String, Object> input = Map.of("measures", List.of("LINE_COUNT", "NET"), "dimensions", List.of("ACCOUNT"),
				"grain", "MONTH", "effectiveFrom", "2026-03-01", "effectiveTo", "2026-03-31", "accountIds", List.of(accounts.get("512000")));
		awaitCube(finance, Map.of("measures", List.of("LINE_COUNT"), "dimensions", List.of(), "effectiveFrom", "2026-01-01",
				"effectiveTo", "2026-06-30"), lines);
		var drill = finance.documentName("ledgerCubeDrillDown").variable("input", input).execute();
		int cellCount = drill.path("ledgerCube.rows[0].lineCount").entity(Integer.class).get();
		assertThat(cellCount).isPositive();
		drill.path("ledgerCube.rows[0].lines.totalCount").entity(Integer.class).isEqualTo(cellCount)
			.path("ledgerCube.rows[0].lines.nodes[*].account.code").entityList(String.class).hasSize(cellCount)
			.satisfies(codes -> assertThat(codes).containsOnly("512000"))
			.path("ledgerCube.rows[0].lines.nodes[0].batchId").entity(String.class).satisfies(batch -> assertThat(batch).hasSize(36))
			.path("ledgerCube.rows[0].lines.nodes[0].entry.description").entity(String.class).satisfies(d -> assertThat(d).startsWith("Fixture"));
		// The same cell asked with its measures in another order: a different cache key, so answered by the store.
		var uncached = finance.documentName("ledgerCube").variable("input", Map.of("measures", List.of("NET", "LINE_COUNT"),
				"dimensions", List.of("ACCOUNT"), "grain", "MONTH", "effectiveFrom", "2026-03-01", "effectiveTo", "2026-03-31", "accountIds",
				List.of(accounts.get("512000")))).execute();
		uncached.path("ledgerCube.cached").entity(Boolean.class).isEqualTo(false);
		List<?> fresh = uncached.path("ledgerCube.rows").entity(List.class).get();
		finance.documentName("ledgerCube").variable("input", input).execute()
			.path("ledgerCube.cached").entity(Boolean.class).isEqualTo(true)
			.path("ledgerCube.rows").entity(List.class).isEqualTo(fresh)
			.path("ledgerCube.rows[0].lineCount").entity(Integer.class).isEqualTo(cellCount);
	}

	@Test
	void invalidCubeInputsAreBadUserInput() {
		GraphQlTester analyst = graphQl(newTenant("cube-bad"), Role.ANALYST);
		analyst.documentName("ledgerCube").variable("input", Map.of("measures", List.of(), "dimensions", List.of(),
				"effectiveFrom", "2026-01-01", "effectiveTo", "2026-01-31")).execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT")));
		analyst.documentName("ledgerCube").variable("input", Map.of("measures", List.of("NET"), "dimensions", List.of(),
				"effectiveFrom", "2026-02-01", "effectiveTo", "2026-01-31")).execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT")));
	}

	static List<Map<String, Object>> awaitCube(GraphQlTester tester, Map<String, Object> input, int expectedLines) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (true) {
			List<Map<String, Object>> rows = tester.documentName("ledgerCube").variable("input", input).execute()
				.path("ledgerCube.rows").entity(List.class).get();
			long total = rows.stream().mapToLong(row -> row.get("lineCount") == null ? 0 : ((Number) row.get("lineCount")).longValue()).sum();
			if (input.get("measures") instanceof List<?> measures && !measures.contains("LINE_COUNT")) {
				return rows;
			}
			if (total == expectedLines || Instant.now().isAfter(deadline)) {
				assertThat(total).as("lines in the analytics store").isEqualTo(expectedLines);
				return rows;
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	static Map<String, String> createAccounts(GraphQlTester tester) {
		Map<String, String> ids = new HashMap<>();
		for (String code : CODES) {
			String type = code.startsWith("7") ? "REVENUE" : code.startsWith("6") ? "EXPENSE" : "ASSET";
			ids.put(code, tester.documentName("createAccount")
				.variable("input", Map.of("idempotencyKey", "acc-" + code, "code", code, "name", code, "type", type, "currency", "EUR"))
				.execute().path("createAccount.account.id").entity(String.class).get());
		}
		return ids;
	}

	/** 240 entries over January to June, two lines each, amounts with cents; returns the line count. */
	static int postFixture(GraphQlTester tester, Map<String, String> accounts) {
		List<Map<String, Object>> entries = new ArrayList<>();
		for (int index = 0; index < 240; index++) {
			String debit = CODES[index % 2 == 0 ? 0 : 3];
			String credit = CODES[index % 3 == 0 ? 2 : 1];
			String amount = (index * 37 % 1000 + 1) + "." + String.format("%02d", index % 100);
			String date = String.format("2026-%02d-%02d", index % 6 + 1, index % 28 + 1);
			entries.add(Map.of("idempotencyKey", "e" + index, "effectiveDate", date, "description", "Fixture " + index, "lines", List.of(
					Map.of("accountId", accounts.get(debit), "side", "DEBIT", "amount", amount, "currency", "EUR"),
					Map.of("accountId", accounts.get(credit), "side", "CREDIT", "amount", amount, "currency", "EUR"))));
		}
		tester.documentName("postJournalEntries").variable("input", Map.of("idempotencyKey", "fixture", "entries", entries)).execute()
			.path("postJournalEntries.postedLineCount").entity(Integer.class).isEqualTo(480);
		return 480;
	}

	private static Map<String, List<Object>> postgresTotals(String tenant) throws Exception {
		try (Connection connection = TestServices.shared().superuserConnection()) {
			return postgresTotals(connection, tenant);
		}
	}

	/** Account × month totals computed by PostgreSQL itself, keyed "code|yyyy-mm-01". */
	static Map<String, List<Object>> postgresTotals(Connection connection, String tenant) throws Exception {
		Map<String, List<Object>> totals = new TreeMap<>();
		try (PreparedStatement sql = connection.prepareStatement("""
						SELECT a.code, date_trunc('month', l.effective_date)::date AS month,
						       sum(CASE WHEN l.side = 'DEBIT' THEN l.amount ELSE 0 END) AS debit,
						       sum(CASE WHEN l.side = 'CREDIT' THEN l.amount ELSE 0 END) AS credit,
						       sum(CASE WHEN l.side = 'DEBIT' THEN l.amount ELSE -l.amount END) AS net, count(*) AS lines
						FROM ledger_journal_line l JOIN ledger_account a ON a.id = l.account_id
						WHERE l.tenant_id = ? GROUP BY 1, 2""")) {
			sql.setString(1, tenant);
			try (ResultSet rows = sql.executeQuery()) {
				while (rows.next()) {
					totals.put(rows.getString("code") + "|" + rows.getString("month"), List.of(rows.getBigDecimal("debit").stripTrailingZeros(),
							rows.getBigDecimal("credit").stripTrailingZeros(), rows.getBigDecimal("net").stripTrailingZeros(),
							rows.getLong("lines")));
				}
			}
		}
		return totals;
	}

}
