package com.performanceos.platform.tenancy;

import java.util.Objects;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * An open transaction bound to one tenant: the database client to run statements on and the
 * tenant that row-level security enforces for them. Carrying both in one value keeps a statement
 * from being written for another tenant than the transaction's.
 * <p>
 * {@link TenantDatabase#run} and {@link TenantDatabase#runMany} open one and hand it to the work,
 * which passes it on (never a bare {@code DatabaseClient} beside a tenant): code that builds one
 * itself from a client could pair that client with the wrong tenant.
 */
public record TenantTransaction(String tenant, DatabaseClient db) {

	public TenantTransaction {
		Objects.requireNonNull(tenant, "tenant");
		Objects.requireNonNull(db, "db");
	}

}
