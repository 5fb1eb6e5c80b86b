package com.performanceos.bench.cube;

import java.util.List;

/**
 * The physical column order of the server's {@code journal_lines} fact table (the platform's key
 * columns, then the ledger projection's attributes). Loaders write in this order and first check
 * that the table the server created has exactly these columns, so a change on the server's side
 * stops the benchmark instead of loading shifted values.
 */
final class FactColumns {

	static final String TABLE = "journal_lines";

	static final String EVENT_TYPE = "ledger.JournalLine";

	static final List<String> NAMES = List.of("event_id", "tenant_id", "type", "occurred_at", "entry_key", "line_number", "account_key",
			"side", "debit_amount", "credit_amount", "net_amount", "currency", "effective_date", "batch_key");

	private FactColumns() {
	}

	static void requireSame(List<String> actual, String engine) {
		if (!actual.equals(NAMES)) {
			throw new IllegalStateException(engine + " table " + TABLE + " has columns " + actual + ", the benchmark writes " + NAMES
					+ ": update FactColumns and the loaders to the server's projection");
		}
	}

}
