package com.performanceos.ledger.accounts;

/** The kind of a pivot account; mirrors the schema's {@code AccountType}. */
public enum AccountType {

	ASSET, LIABILITY, EQUITY, REVENUE, EXPENSE

}
