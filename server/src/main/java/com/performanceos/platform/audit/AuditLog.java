package com.performanceos.platform.audit;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * Reads a tenant's audit log: pages in chain order for GraphQL, and a bounded stream for exports.
 * Every read filters on the tenant explicitly (so the primary key's index serves it) and runs in a
 * tenant transaction (so row-level security backs that filter up).
 */
@Service
class AuditLog {

	private final TenantDatabase database;

	AuditLog(TenantDatabase database) {
		this.database = database;
	}

	/** One page of the records matching the filter, keyed by sequence. */
	Mono<Connection<AuditRecord>> list(String tenant, PageRequest page, AuditLogFilter filter) {
		Long cursor = page.cursorKey() != null ? parseCursor(page.cursorKey()) : null;
		String keyset = cursor == null ? "" : page.forward() ? " AND seq > :cursor" : " AND seq < :cursor";
		String order = page.forward() ? "ASC" : "DESC";
		return database.run(tenant, tx -> {
			GenericExecuteSpec select = filter.bind(tx.db().sql("SELECT " + AuditRecord.COLUMNS + " FROM audit_log WHERE tenant_id = :tenant"
					+ filter.conditions() + keyset + " ORDER BY seq " + order + " LIMIT :limit"))
				.bind("tenant", tenant)
				.bind("limit", page.size() + 1);
			if (cursor != null) {
				select = select.bind("cursor", cursor);
			}
			Mono<List<AuditRecord>> rows = select.map(AuditRecord::from).all().collectList();
			Mono<Long> total = count(tx, filter, Long.MAX_VALUE);
			return rows.zipWith(total, (found, count) -> Connection.fromKeyset(page, found,
					record -> Long.toString(record.sequence()), Math.toIntExact(Math.min(count, Integer.MAX_VALUE))));
		});
	}

	/** The records with the given keys that the tenant owns, keyed by primary key. */
	Mono<Map<UUID, AuditRecord>> load(String tenant, Collection<UUID> keys) {
		return database.inTransaction(tenant, db -> db
			.sql("SELECT " + AuditRecord.COLUMNS + " FROM audit_log WHERE tenant_id = :tenant AND id = ANY(:keys)")
			.bind("tenant", tenant)
			.bind("keys", keys.toArray(UUID[]::new))
			.map(AuditRecord::from)
			.all()
			.collectMap(AuditRecord::key, Function.identity()));
	}

	/**
	 * Fixes what an export covers: the records matching the filter up to the chain's current last
	 * sequence, so records appended while the export runs (its own {@code audit.exported} among
	 * them) are not part of it.
	 */
	Mono<ExportScope> exportScope(String tenant, AuditLogFilter filter) {
		return database.run(tenant, tx -> tx.db()
			.sql("SELECT last_seq FROM audit_chain_head WHERE tenant_id = :tenant")
			.bind("tenant", tenant)
			.map(row -> row.get("last_seq", Long.class))
			.one()
			.defaultIfEmpty(0L)
			.flatMap(lastSequence -> count(tx, filter, lastSequence)
				.map(count -> new ExportScope(filter, lastSequence, count))));
	}

	/** Streams the records of the scope in chain order, fetching {@code fetchSize} rows per round trip. */
	Flux<AuditRecord> stream(String tenant, ExportScope scope, int fetchSize) {
		return database.inTransactionMany(tenant, db -> scope.filter()
			.bind(db.sql("SELECT " + AuditRecord.COLUMNS + " FROM audit_log WHERE tenant_id = :tenant AND seq <= :lastSequence"
					+ scope.filter().conditions() + " ORDER BY seq"))
			.bind("tenant", tenant)
			.bind("lastSequence", scope.lastSequence())
			.filter(statement -> statement.fetchSize(fetchSize))
			.map(AuditRecord::from)
			.all());
	}

	private static Mono<Long> count(TenantTransaction tx, AuditLogFilter filter, long lastSequence) {
		return filter.bind(tx.db().sql("SELECT count(*) AS total FROM audit_log WHERE tenant_id = :tenant AND seq <= :lastSequence"
				+ filter.conditions()))
			.bind("tenant", tx.tenant())
			.bind("lastSequence", lastSequence)
			.map(row -> row.get("total", Long.class))
			.one();
	}

	private static long parseCursor(String key) {
		try {
			return Long.parseLong(key);
		}
		catch (NumberFormatException ex) {
			throw new GraphQlException(ErrorCode.BAD_USER_INPUT, "Not a cursor of the audit log: " + PageRequest.encodeCursor(key));
		}
	}

	/**
	 * What one export holds.
	 *
	 * @param filter the filter the caller gave
	 * @param lastSequence the chain's last sequence when the export began; later records are left out
	 * @param recordCount how many records the export holds
	 */
	record ExportScope(AuditLogFilter filter, long lastSequence, long recordCount) {
	}

}
