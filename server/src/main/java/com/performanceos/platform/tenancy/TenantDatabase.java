package com.performanceos.platform.tenancy;

import java.util.function.Function;
import java.util.function.Predicate;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs database work in one transaction bound to a tenant: the first statement sets
 * {@code app.tenant_id} for the transaction only, and every table's row-level security policy
 * compares against it. Code that forgets its own tenant filter therefore still sees nothing of
 * another tenant; code that runs outside this class sees nothing at all.
 */
@Component
public final class TenantDatabase {

	private final DatabaseClient client;

	private final TransactionalOperator transactions;

	TenantDatabase(DatabaseClient client, TransactionalOperator transactions) {
		this.client = client;
		this.transactions = transactions;
	}

	/** Runs work producing one value in a transaction of the tenant. */
	public <T> Mono<T> inTransaction(String tenant, Function<DatabaseClient, Mono<T>> work) {
		return bind(tenant).then(Mono.defer(() -> work.apply(client))).as(transactions::transactional);
	}

	/** Runs work producing one value in a transaction of the tenant, handed over as a {@link TenantTransaction}. */
	public <T> Mono<T> run(String tenant, Function<TenantTransaction, Mono<T>> work) {
		return inTransaction(tenant, db -> work.apply(new TenantTransaction(tenant, db)));
	}

	/** Runs work producing many values in a transaction of the tenant. */
	public <T> Flux<T> inTransactionMany(String tenant, Function<DatabaseClient, Flux<T>> work) {
		return bind(tenant).thenMany(Flux.defer(() -> work.apply(client))).as(transactions::transactional);
	}

	/**
	 * Runs work in a transaction of the tenant that rolls back when its answer asks for it: the
	 * answer is returned either way. A business refusal thereby undoes everything the work wrote
	 * without travelling as an exception.
	 */
	public <T> Mono<T> inTransaction(String tenant, Function<TenantTransaction, Mono<T>> work, Predicate<T> rollback) {
		return transactions.execute(status -> bind(tenant)
			.then(Mono.defer(() -> work.apply(new TenantTransaction(tenant, client))))
			.doOnNext(answer -> {
				if (rollback.test(answer)) {
					status.setRollbackOnly();
				}
			}))
			.singleOrEmpty();
	}

	private Mono<Void> bind(String tenant) {
		return client.sql("SELECT set_config('app.tenant_id', :tenant, true)").bind("tenant", tenant).then();
	}

}
