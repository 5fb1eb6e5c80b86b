package com.performanceos.ledger.receivables.aging;

/** How aging rows are grouped; mirrors the schema's {@code AgingGroupBy}. */
enum AgingGroupBy {

	/** By counterparty code; the name shown is the latest one recorded for the code. */
	COUNTERPARTY("counterparty_code", "(array_agg(counterparty_name ORDER BY created_at DESC, id))[1]"),
	/** By region; the name is the region itself. */
	REGION("region", "min(region)");

	private final String keyColumn;

	private final String nameAggregate;

	AgingGroupBy(String keyColumn, String nameAggregate) {
		this.keyColumn = keyColumn;
		this.nameAggregate = nameAggregate;
	}

	/** The grouping column of {@code ledger_invoice}; a constant, never user input. */
	String keyColumn() {
		return keyColumn;
	}

	/** The aggregate giving the group's display name; a constant, never user input. */
	String nameAggregate() {
		return nameAggregate;
	}

}
