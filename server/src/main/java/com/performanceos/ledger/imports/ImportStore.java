package com.performanceos.ledger.imports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;

/** The imports' SQL; every method runs inside a tenant transaction. */
@Component
class ImportStore {

	private static final String COLUMNS = "id, kind, status, file_name, control_row_count, control_amount_sum, sha256, size_bytes, "
			+ "row_count, entry_count, job_id, duplicate_of, report::text AS report, created_at, finished_at, "
			+ "column_mapping::text AS column_mapping, options::text AS options";

	Mono<Import> insert(TenantTransaction tx, String createdBy, StartImport.Input input, String mapping, String options) {
		return tx.db().sql("""
				INSERT INTO ledger_import (tenant_id, id, kind, status, file_name, column_mapping, options, control_row_count,
				                           control_amount_sum, created_by)
				VALUES (:tenant, :id, :kind, 'AWAITING_CONTENT', :fileName, CAST(:mapping AS jsonb), CAST(:options AS jsonb), :rowCount,
				        :amountSum, :createdBy)
				RETURNING """ + " " + COLUMNS)
			.bind("tenant", tx.tenant())
			.bind("id", UUID.randomUUID())
			.bind("kind", input.kind().name())
			.bind("fileName", input.fileName().strip())
			.bind("mapping", mapping)
			.bind("options", options)
			.bind("rowCount", input.controlTotals().rowCount())
			.bind("amountSum", input.controlTotals().amountSum())
			.bind("createdBy", createdBy)
			.map(ImportStore::toImport)
			.one();
	}

	Mono<Map<UUID, Import>> load(DatabaseClient db, Collection<UUID> keys) {
		return db.sql("SELECT " + COLUMNS + " FROM ledger_import WHERE id = ANY(:keys)")
			.bind("keys", keys.toArray(UUID[]::new))
			.map(ImportStore::toImport)
			.all()
			.collectMap(Import::key);
	}

	/** The earlier successful import of the same file and kind, if any. */
	Mono<UUID> appliedFile(DatabaseClient db, ImportKind kind, String sha256) {
		return db.sql("SELECT id FROM ledger_import WHERE kind = :kind AND sha256 = :sha256 AND status = 'SUCCEEDED'")
			.bind("kind", kind.name())
			.bind("sha256", sha256)
			.map(row -> row.get("id", UUID.class))
			.first();
	}

	/** Serialises the application of one file (same kind and digest) across instances until the transaction ends. */
	Mono<Void> lockFile(TenantTransaction tx, ImportKind kind, String sha256) {
		return tx.db().sql("SELECT pg_advisory_xact_lock(hashtextextended(:lock, 0))")
			.bind("lock", "ledger_import:" + tx.tenant() + ":" + kind + ":" + sha256)
			.then();
	}

	/** Records the upload; empty when the import was not waiting for content (already uploaded). */
	Mono<Import> received(DatabaseClient db, UUID key, String sha256, long sizeBytes, ImportStatus status, @Nullable UUID jobKey,
			@Nullable UUID duplicateOf) {
		var update = db.sql("UPDATE ledger_import SET status = :status, sha256 = :sha256, size_bytes = :size, job_id = :job, "
				+ "duplicate_of = :duplicateOf, finished_at = CASE WHEN :status = 'DUPLICATE_FILE' THEN clock_timestamp() END "
				+ "WHERE id = :id AND status = 'AWAITING_CONTENT' RETURNING " + COLUMNS)
			.bind("id", key)
			.bind("status", status.name())
			.bind("sha256", sha256)
			.bind("size", sizeBytes);
		update = jobKey == null ? update.bindNull("job", UUID.class) : update.bind("job", jobKey);
		update = duplicateOf == null ? update.bindNull("duplicateOf", UUID.class) : update.bind("duplicateOf", duplicateOf);
		return update.map(ImportStore::toImport).one();
	}

	Mono<Void> running(DatabaseClient db, UUID key) {
		return db.sql("UPDATE ledger_import SET status = 'RUNNING' WHERE id = :id AND status = 'QUEUED'").bind("id", key).then();
	}

	Mono<Import> finish(DatabaseClient db, UUID key, ImportStatus status, long rowCount, long recordCount, String report,
			@Nullable UUID duplicateOf) {
		var update = db.sql("UPDATE ledger_import SET status = :status, row_count = :rows, entry_count = :records, report = CAST(:report AS jsonb), "
				+ "duplicate_of = :duplicateOf, finished_at = clock_timestamp() WHERE id = :id RETURNING " + COLUMNS)
			.bind("id", key)
			.bind("status", status.name())
			.bind("rows", rowCount)
			.bind("records", recordCount)
			.bind("report", report);
		update = duplicateOf == null ? update.bindNull("duplicateOf", UUID.class) : update.bind("duplicateOf", duplicateOf);
		return update.map(ImportStore::toImport).one();
	}

	private static Import toImport(Readable row) {
		return new Import(row.get("id", UUID.class), ImportKind.valueOf(row.get("kind", String.class)),
				ImportStatus.valueOf(row.get("status", String.class)), row.get("file_name", String.class),
				row.get("control_row_count", Long.class), row.get("control_amount_sum", BigDecimal.class), row.get("sha256", String.class),
				row.get("size_bytes", Long.class), row.get("row_count", Long.class), row.get("entry_count", Long.class),
				row.get("job_id", UUID.class), row.get("duplicate_of", UUID.class), row.get("report", String.class),
				row.get("created_at", OffsetDateTime.class).toInstant(), instant(row.get("finished_at", OffsetDateTime.class)),
				row.get("column_mapping", String.class), row.get("options", String.class));
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}

}
