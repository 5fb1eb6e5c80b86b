package com.performanceos.rules.commissions.runs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Sales data in bulk for the calculation bench and for tests that need a run long enough to watch: 500 reps
 * ({@code r000}..{@code r499}, AE), their March 2026 quotas, deals closed in March 2026 spread over the reps (one in ten
 * split 60/40 with the next rep, one in twenty CLOSED_LOST), generated in PostgreSQL as the superuser: a million rows
 * through the import API would measure the import. The tenant must have imported one file already (the deals cite it).
 */
final class GeneratedSales {

	static final String PERIOD = "2026-03";

	static final int REPS = 500;

	private GeneratedSales() {
	}

	/** Quotas and the cap grow with the deals, so that reps stay spread over the tiers at any size. */
	static BigDecimal scale(int deals) {
		return BigDecimal.valueOf(deals).divide(BigDecimal.valueOf(1_000_000));
	}

	/** The bench plan's cap per period at this size. */
	static BigDecimal cap(int deals) {
		return scale(deals).multiply(BigDecimal.valueOf(20_000)).setScale(2, RoundingMode.HALF_UP);
	}

	/** The code of the rep at this index. */
	static String rep(int index) {
		return "r" + String.format("%03d", index);
	}

	/** Reps, quotas, deals and splits, generated in PostgreSQL. */
	static void seed(Connection connection, String tenant, int deals) throws SQLException {
		connection.setAutoCommit(false);
		String importKey;
		try (PreparedStatement statement = connection.prepareStatement("SELECT id::text FROM ledger_import WHERE tenant_id = ?")) {
			statement.setString(1, tenant);
			try (ResultSet row = statement.executeQuery()) {
				row.next();
				importKey = row.getString(1);
			}
		}
		execute(connection, """
				INSERT INTO sales_rep (tenant_id, id, code, name, role)
				SELECT ?, gen_random_uuid(), 'r' || lpad(i::text, 3, '0'), 'Rep ' || i, 'AE' FROM generate_series(0, %d) AS i""".formatted(REPS - 1),
				tenant);
		execute(connection, """
				INSERT INTO sales_quota (tenant_id, id, rep, period, amount, currency, import_id, source_row)
				SELECT ?, gen_random_uuid(), 'r' || lpad(i::text, 3, '0'), '%s', round((120000 + (i %% 10) * 15000) * %s, 2), 'EUR', CAST(? AS uuid), i + 2
				FROM generate_series(0, %d) AS i""".formatted(PERIOD, scale(deals).toPlainString(), REPS - 1), tenant, importKey);
		execute(connection, """
				INSERT INTO sales_deal (tenant_id, id, deal_ref, rep, product, region, amount, arr, stage, close_date, currency, import_id, source_row)
				SELECT ?, gen_random_uuid(), 'D' || lpad(i::text, 9, '0'), 'r' || lpad((i %% %d)::text, 3, '0'),
				       (ARRAY['Pro', 'Enterprise', 'Starter'])[1 + i %% 3], (ARRAY['FR', 'DE', 'ES', 'IT'])[1 + (i / 7) %% 4],
				       10 + ((i::bigint * 7919) %% 20000) / 100.0, 10 + ((i::bigint * 7919) %% 20000) / 100.0,
				       CASE WHEN i %% 20 = 7 THEN 'CLOSED_LOST' ELSE 'CLOSED_WON' END, DATE '2026-03-01' + (i %% 31), 'EUR', CAST(? AS uuid), i + 1
				FROM generate_series(1, %d) AS i""".formatted(REPS, deals), tenant, importKey);
		execute(connection, """
				INSERT INTO sales_deal_credit (tenant_id, id, deal_id, split_set, rep_code, share_percent, recorded_by)
				SELECT d.tenant_id, gen_random_uuid(), d.id, d.split, x.rep, x.share, 'bench'
				FROM (SELECT tenant_id, id, rep, source_row - 1 AS i, gen_random_uuid() AS split FROM sales_deal
				      WHERE tenant_id = ? AND deal_ref LIKE 'D%%' AND (source_row - 1) %% 10 = 0) d
				CROSS JOIN LATERAL (VALUES (d.rep, 60::numeric), ('r' || lpad(((d.i + 1) %% %d)::text, 3, '0'), 40::numeric)) AS x(rep, share)"""
			.formatted(REPS), tenant);
		connection.commit();
		try (Statement statement = connection.createStatement()) {
			connection.setAutoCommit(true);
			statement.execute("VACUUM ANALYZE sales_deal");
			statement.execute("VACUUM ANALYZE sales_deal_credit");
		}
	}

	static void execute(Connection connection, String sql, String... parameters) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int index = 0; index < parameters.length; index++) {
				statement.setString(index + 1, parameters[index]);
			}
			statement.executeUpdate();
		}
	}

}
