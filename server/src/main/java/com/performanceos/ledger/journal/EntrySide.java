package com.performanceos.ledger.journal;

/** Debit or credit; mirrors the schema's {@code EntrySide}. */
public enum EntrySide {

	DEBIT, CREDIT;

	EntrySide opposite() {
		return this == DEBIT ? CREDIT : DEBIT;
	}

}
