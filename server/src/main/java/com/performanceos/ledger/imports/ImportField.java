package com.performanceos.ledger.imports;

/**
 * A target field a file column maps to; mirrors the schema's {@code ImportField}. Free-text fields
 * are inspected for personal data.
 */
enum ImportField {

	ENTRY_REFERENCE(false), EFFECTIVE_DATE(false), ACCOUNT_CODE(false), DEBIT(false), CREDIT(false), AMOUNT(false),
	CURRENCY(false), MEMO(true), DESCRIPTION(true), DEAL_ID(false), REP(false), PRODUCT(false), REGION(false), ARR(false),
	STAGE(false), CLOSE_DATE(false), PERIOD(false), IBAN(false), TRANSACTION_ID(false), BOOKING_DATE(false), VALUE_DATE(false),
	COUNTERPARTY(false), LABEL(true), INVOICE_NUMBER(false), INVOICE_KIND(false), COUNTERPARTY_CODE(false), ISSUE_DATE(false),
	DUE_DATE(false);

	private final boolean freeText;

	ImportField(boolean freeText) {
		this.freeText = freeText;
	}

	boolean freeText() {
		return freeText;
	}

}
