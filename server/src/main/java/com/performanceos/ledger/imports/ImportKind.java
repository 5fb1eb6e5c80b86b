package com.performanceos.ledger.imports;

/** What a file holds; mirrors the schema's {@code ImportKind}. Each has one {@link ImportKindHandler}. */
enum ImportKind {

	JOURNAL_LINES, DEALS, QUOTAS, BANK_STATEMENT, INVOICES

}
