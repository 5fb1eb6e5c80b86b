package com.performanceos.platform.tenancy;

import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * <p>
 * Work that is cancelled (its client disconnected, its deadline passed) also stops in PostgreSQL:
 * the statement running for it is cancelled with {@code pg_cancel_backend}, instead of running, or
 * waiting on a lock, for nobody while it holds a pooled connection.
 */
@Component
public final class TenantDatabase {

	private static final Logger log = LoggerFactory.getLogger(TenantDatabase.class);

	/**
	 * Cancels the backend's statement only while the same transaction still runs there: once the
	 * connection went back to the pool, another request's transaction (another start time) may be
	 * using it.
	 */
	private static final String CANCEL = "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE pid = :pid AND xact_start = :started";

	private final DatabaseClient client;

	private final TransactionalOperator transactions;

	TenantDatabase(DatabaseClient client, TransactionalOperator transactions) {
		this.client = client;
		this.transactions = transactions;
	}

	/** Runs work producing one value in a transaction of the tenant. */
	public <T> Mono<T> inTransaction(String tenant, Function<DatabaseClient, Mono<T>> work) {
		return Mono.defer(() -> {
			AtomicReference<@Nullable Backend> backend = new AtomicReference<>();
			return bind(tenant, backend).then(Mono.defer(() -> work.apply(client)))
				.doOnCancel(() -> cancel(backend.get()))
				.as(transactions::transactional);
		});
	}

	/** Runs work producing one value in a transaction of the tenant, handed over as a {@link TenantTransaction}. */
	public <T> Mono<T> run(String tenant, Function<TenantTransaction, Mono<T>> work) {
		return inTransaction(tenant, db -> work.apply(new TenantTransaction(tenant, db)));
	}

	/** Runs work producing many values in a transaction of the tenant, handed over as a {@link TenantTransaction}. */
	public <T> Flux<T> runMany(String tenant, Function<TenantTransaction, Flux<T>> work) {
		return inTransactionMany(tenant, db -> work.apply(new TenantTransaction(tenant, db)));
	}

	/** Runs work producing many values in a transaction of the tenant. */
	public <T> Flux<T> inTransactionMany(String tenant, Function<DatabaseClient, Flux<T>> work) {
		return Flux.defer(() -> {
			AtomicReference<@Nullable Backend> backend = new AtomicReference<>();
			return bind(tenant, backend).thenMany(Flux.defer(() -> work.apply(client)))
				.doOnCancel(() -> cancel(backend.get()))
				.as(transactions::transactional);
		});
	}

	/**
	 * Runs work in a transaction of the tenant that rolls back when its answer asks for it: the
	 * answer is returned either way. A business refusal thereby undoes everything the work wrote
	 * without travelling as an exception.
	 */
	public <T> Mono<T> inTransaction(String tenant, Function<TenantTransaction, Mono<T>> work, Predicate<T> rollback) {
		return Mono.defer(() -> {
			AtomicReference<@Nullable Backend> backend = new AtomicReference<>();
			return transactions.execute(status -> bind(tenant, backend)
				.then(Mono.defer(() -> work.apply(new TenantTransaction(tenant, client))))
				.doOnNext(answer -> {
					if (rollback.test(answer)) {
						status.setRollbackOnly();
					}
				})
				.doOnCancel(() -> cancel(backend.get())))
				.singleOrEmpty();
		});
	}

	/** Binds the transaction to the tenant and notes which backend runs it, in one round trip. */
	private Mono<Void> bind(String tenant, AtomicReference<@Nullable Backend> backend) {
		return client.sql("SELECT set_config('app.tenant_id', :tenant, true), pg_backend_pid() AS pid, now() AS started")
			.bind("tenant", tenant)
			.map(row -> new Backend(row.get("pid", Integer.class), row.get("started", OffsetDateTime.class)))
			.one()
			.doOnNext(backend::set)
			.then();
	}

	/**
	 * Asks PostgreSQL, over another pooled connection, to stop the statement the cancelled work is
	 * running; the transaction then rolls back as for any cancelled work. Not waited for: the
	 * cancellation is a courtesy to the database, and a failure only means the statement ends on its own.
	 */
	private void cancel(@Nullable Backend backend) {
		if (backend == null || backend.pid() == null || backend.started() == null) {
			return;
		}
		client.sql(CANCEL)
			.bind("pid", backend.pid())
			.bind("started", backend.started())
			.then()
			.subscribe(done -> {
			}, failure -> log.warn("Could not cancel the statement of backend {}: {}", backend.pid(), failure.toString()));
	}

	private record Backend(@Nullable Integer pid, @Nullable OffsetDateTime started) {
	}

}
