package com.performanceos.ledger.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the database itself guarantees about journal rows, whatever the code that writes them: a
 * line's references are checked per statement (entry of its tenant with the same effective date
 * and system time, account of its tenant in its currency), and entries, lines and accounts cannot
 * be changed or removed.
 */
class JournalStorageIntegrationTests extends IntegrationTest {

	private static final String FOREIGN_KEY_VIOLATION = "23503";

	@Test
	void linesOfOneWriteCarryTheirEntrysEffectiveDateAndOneSystemTime() throws Exception {
		Fixture fixture = new Fixture(newTenant("storage-copy"));
		fixture.tester.documentName("postJournalEntries")
			.variable("input", Map.of("idempotencyKey", "bulk", "entries", List.of(fixture.entry("2026-03-02"), fixture.entry("2026-03-09"))))
			.execute()
			.path("postJournalEntries.postedLineCount").entity(Integer.class).isEqualTo(4);
		try (Connection connection = TestServices.shared().superuserConnection();
				PreparedStatement sql = connection.prepareStatement("""
						SELECT count(*) AS lines, count(*) FILTER (WHERE l.effective_date = e.effective_date AND l.posted_at = e.posted_at) AS same,
						       count(DISTINCT l.posted_at) AS system_times
						FROM ledger_journal_line l JOIN ledger_journal_entry e ON e.id = l.entry_id WHERE l.tenant_id = ?""")) {
			sql.setString(1, fixture.tenant);
			try (ResultSet row = sql.executeQuery()) {
				row.next();
				assertThat(row.getInt("lines")).isEqualTo(4);
				assertThat(row.getInt("same")).isEqualTo(4);
				assertThat(row.getInt("system_times")).isEqualTo(1);
			}
		}
	}

	@Test
	void aLineWithoutItsEntryOrWithAnotherTenantsAccountIsRefused() throws Exception {
		Fixture fixture = new Fixture(newTenant("storage-refs"));
		Fixture stranger = new Fixture(newTenant("storage-stranger"));
		String entryKey = fixture.postOne("2026-03-02");
		try (Connection connection = TestServices.shared().applicationConnection(); Statement sql = connection.createStatement()) {
			connection.setAutoCommit(false);
			String insert = "INSERT INTO ledger_journal_line (tenant_id, entry_id, line_number, account_id, side, amount, currency, "
					+ "effective_date, posted_at) SELECT '" + fixture.tenant + "', %s, 9, %s, 'DEBIT', 1, 'EUR', %s, e.posted_at "
					+ "FROM ledger_journal_entry e WHERE e.id = '" + entryKey + "'";
			String account = "'" + fixture.accountKey() + "'";
			assertRefused(connection, sql, fixture.tenant, insert.formatted("gen_random_uuid()", account, "e.effective_date"));
			assertRefused(connection, sql, fixture.tenant, insert.formatted("e.id", "'" + stranger.accountKey() + "'", "e.effective_date"));
			assertRefused(connection, sql, fixture.tenant, insert.formatted("e.id", account, "e.effective_date + 1"));
			sql.execute("SELECT set_config('app.tenant_id', '" + fixture.tenant + "', true)");
			assertThat(sql.executeUpdate(insert.formatted("e.id", account, "e.effective_date"))).isEqualTo(1);
			connection.rollback();
		}
	}

	@Test
	void entriesLinesAndAccountsCannotBeChangedOrRemovedEvenByTheOwner() throws Exception {
		Fixture fixture = new Fixture(newTenant("storage-permanent"));
		fixture.postOne("2026-03-02");
		try (Connection connection = TestServices.shared().superuserConnection(); Statement sql = connection.createStatement()) {
			connection.setAutoCommit(false);
			for (String change : List.of("DELETE FROM ledger_journal_line WHERE tenant_id = '%s'",
					"UPDATE ledger_journal_line SET amount = amount * 2 WHERE tenant_id = '%s'",
					"DELETE FROM ledger_journal_entry WHERE tenant_id = '%s'",
					"UPDATE ledger_journal_entry SET description = 'edited' WHERE tenant_id = '%s'",
					"DELETE FROM ledger_account WHERE tenant_id = '%s'", "UPDATE ledger_account SET name = 'renamed' WHERE tenant_id = '%s'",
					"TRUNCATE ledger_journal_line, ledger_journal_line_dimension")) {
				assertThatThrownBy(() -> sql.execute(change.formatted(fixture.tenant))).isInstanceOf(SQLException.class)
					.hasMessageContaining("rows are permanent");
				connection.rollback();
			}
		}
	}

	private static void assertRefused(Connection connection, Statement sql, String tenant, String insert) throws SQLException {
		sql.execute("SELECT set_config('app.tenant_id', '" + tenant + "', true)");
		assertThatThrownBy(() -> sql.executeUpdate(insert)).isInstanceOf(SQLException.class)
			.satisfies(refused -> assertThat(((SQLException) refused).getSQLState()).isEqualTo(FOREIGN_KEY_VIOLATION));
		connection.rollback();
	}

	/** A tenant with a bank and a sales account. */
	private final class Fixture {

		final String tenant;

		final GraphQlTester tester;

		final String bank;

		final String sales;

		Fixture(String tenant) {
			this.tenant = tenant;
			this.tester = graphQl(tenant, Role.FINANCE);
			this.bank = account("512000", "ASSET");
			this.sales = account("706000", "REVENUE");
		}

		String accountKey() {
			return GlobalId.decode(bank, "Account").orElseThrow().toString();
		}

		Map<String, Object> entry(String date) {
			return Map.of("idempotencyKey", "unused-in-batches", "effectiveDate", date, "description", "Sale " + date, "lines",
					List.of(Map.of("accountId", bank, "side", "DEBIT", "amount", "10", "currency", "EUR"),
							Map.of("accountId", sales, "side", "CREDIT", "amount", "10", "currency", "EUR")));
		}

		/** Posts one entry and answers its primary key. */
		String postOne(String date) {
			Map<String, Object> input = new java.util.HashMap<>(entry(date));
			input.put("idempotencyKey", "one-" + date);
			String id = tester.documentName("postJournalEntry").variable("input", input).execute()
				.path("postJournalEntry.entry.id").entity(String.class).get();
			return GlobalId.decode(id, JournalEntry.TYPE_NAME).orElseThrow().toString();
		}

		private String account(String code, String type) {
			return tester.documentName("createAccount")
				.variable("input", Map.of("idempotencyKey", "acc-" + code, "code", code, "name", code, "type", type, "currency", "EUR"))
				.execute()
				.path("createAccount.account.id").entity(String.class).get();
		}

	}

}
