package com.performanceos.platform.security;

/** The roles a caller can hold; mirrors the schema's {@code Role} enum. */
public enum Role {

	ADMIN, AUDITOR, ANALYST, FINANCE, SALES_OPS, MANAGER, REP, BUYER, VALIDATOR, VENDOR, EXTERNAL_VIEWER, PARTNER

}
