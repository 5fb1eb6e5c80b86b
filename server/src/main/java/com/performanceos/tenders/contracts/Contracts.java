package com.performanceos.tenders.contracts;

import java.math.BigDecimal;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantDatabase;

/** The open-data exports' way to a tenant's contracts: counted, then streamed with bounded memory. */
@Component
public final class Contracts {

	private final TenantDatabase database;

	private final ContractStore store;

	Contracts(TenantDatabase database, ContractStore store) {
		this.database = database;
		this.store = store;
	}

	/** How many contracts of the tenant reach {@code amountMin} (excluding VAT). */
	public Mono<Long> count(String tenant, BigDecimal amountMin) {
		return database.inTransaction(tenant, db -> store.count(db, amountMin));
	}

	/** The tenant's contracts from {@code amountMin}, in notification order, read {@code fetchSize} rows at a time. */
	public Flux<Contract> stream(String tenant, BigDecimal amountMin, int fetchSize) {
		return database.inTransactionMany(tenant, db -> store.stream(db, amountMin, fetchSize));
	}

}
