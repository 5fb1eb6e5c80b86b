package com.performanceos.platform.tenancy;

import java.util.Objects;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * An open transaction bound to one tenant: the database client to run statements on and the
 * tenant that row-level security enforces for them. Carrying both in one value keeps a statement
 * from being written for another tenant than the transaction's.
 */
public record TenantTransaction(String tenant, DatabaseClient db) {

	public TenantTransaction {
		Objects.requireNonNull(tenant, "tenant");
		Objects.requireNonNull(db, "db");
	}

}
