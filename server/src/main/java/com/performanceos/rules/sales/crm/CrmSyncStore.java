package com.performanceos.rules.sales.crm;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.tenancy.TenantTransaction;

/** The only code that names {@code sales_crm_sync} and {@code sales_crm_skipped_record}. */
@Component
class CrmSyncStore {

	/** The most skipped records one read answers (a sync's history shows the first ones; the count says how many in all). */
	static final int SKIPPED_READ_MAX = 1_000;

	private static final String COLUMNS = "id, provider, status, job_id, requested_by, created_at, finished_at, watermark_before, "
			+ "watermark_after, fetched, inserted, updated, unchanged, skipped, failure, failure_message";

	Mono<CrmSync> insert(TenantTransaction tx, UUID key, CrmProvider provider, UUID jobKey, String requestedBy) {
		return tx.db().sql("INSERT INTO sales_crm_sync (tenant_id, id, provider, status, job_id, requested_by) "
				+ "VALUES (:tenant, :id, :provider, 'QUEUED', :job, :by) RETURNING " + COLUMNS)
			.bind("tenant", tx.tenant()).bind("id", key).bind("provider", provider.name()).bind("job", jobKey).bind("by", requestedBy)
			.map(CrmSyncStore::toSync).one();
	}

	/** A sync of the provider queued or running since the instant, if any: a second one would fetch the same records. */
	Mono<UUID> activeSince(TenantTransaction tx, CrmProvider provider, Instant since) {
		return tx.db().sql("SELECT id FROM sales_crm_sync WHERE provider = :provider AND status IN ('QUEUED', 'RUNNING') "
				+ "AND created_at > :since LIMIT 1")
			.bind("provider", provider.name()).bind("since", since.atOffset(ZoneOffset.UTC))
			.map(row -> row.get("id", UUID.class)).one();
	}

	Mono<CrmSync> start(TenantTransaction tx, UUID key, @Nullable Instant watermarkBefore) {
		return tx.db().sql("UPDATE sales_crm_sync SET status = 'RUNNING', watermark_before = :before WHERE id = :id AND status = 'QUEUED' "
				+ "RETURNING " + COLUMNS)
			.bind("id", key).bind("before", Parameters.instant(watermarkBefore))
			.map(CrmSyncStore::toSync).one();
	}

	Mono<CrmSync> succeed(TenantTransaction tx, UUID key, CrmSync.Counts counts, @Nullable Instant watermarkAfter) {
		return tx.db().sql("""
				UPDATE sales_crm_sync SET status = 'SUCCEEDED', finished_at = clock_timestamp(), watermark_after = :after,
				       fetched = :fetched, inserted = :inserted, updated = :updated, unchanged = :unchanged, skipped = :skipped
				WHERE id = :id AND status = 'RUNNING' RETURNING\s""" + COLUMNS)
			.bind("id", key).bind("after", Parameters.instant(watermarkAfter)).bind("fetched", counts.fetched())
			.bind("inserted", counts.inserted()).bind("updated", counts.updated()).bind("unchanged", counts.unchanged())
			.bind("skipped", counts.skipped())
			.map(CrmSyncStore::toSync).one();
	}

	Mono<CrmSync> fail(TenantTransaction tx, UUID key, SyncFailure failure, String message, int fetched) {
		return tx.db().sql("UPDATE sales_crm_sync SET status = 'FAILED', finished_at = clock_timestamp(), failure = :failure, "
				+ "failure_message = :message, fetched = :fetched WHERE id = :id AND status IN ('QUEUED', 'RUNNING') RETURNING " + COLUMNS)
			.bind("id", key).bind("failure", failure.name()).bind("message", message).bind("fetched", fetched)
			.map(CrmSyncStore::toSync).one();
	}

	Mono<Long> addSkipped(TenantTransaction tx, UUID key, List<SkippedRecord> skipped) {
		if (skipped.isEmpty()) {
			return Mono.just(0L);
		}
		return tx.db().sql("""
				INSERT INTO sales_crm_skipped_record (tenant_id, sync_id, position, record_id, reason, message)
				SELECT :tenant, :sync, position, record_id, reason, message
				FROM unnest(CAST(:positions AS int[]), CAST(:records AS text[]), CAST(:reasons AS text[]), CAST(:messages AS text[]))
				     AS s(position, record_id, reason, message)""")
			.bind("tenant", tx.tenant()).bind("sync", key)
			.bind("positions", skipped.stream().map(SkippedRecord::position).toArray(Integer[]::new))
			.bind("records", skipped.stream().map(SkippedRecord::recordId).toArray(String[]::new))
			.bind("reasons", skipped.stream().map(record -> record.reason().name()).toArray(String[]::new))
			.bind("messages", skipped.stream().map(SkippedRecord::message).toArray(String[]::new))
			.fetch().rowsUpdated();
	}

	Mono<Map<UUID, CrmSync>> load(TenantTransaction tx, Collection<UUID> keys) {
		return tx.db().sql("SELECT " + COLUMNS + " FROM sales_crm_sync WHERE id = ANY(:ids)")
			.bind("ids", keys.toArray(UUID[]::new))
			.map(CrmSyncStore::toSync).all()
			.collect(Collectors.toMap(CrmSync::key, Function.identity()));
	}

	/** The first skipped records of each sync, in position order, at most {@link #SKIPPED_READ_MAX} each. */
	Mono<Map<UUID, List<SkippedRecord>>> skipped(TenantTransaction tx, Collection<UUID> syncKeys) {
		return tx.db().sql("""
				SELECT sync_id, position, record_id, reason, message FROM (
				  SELECT s.*, row_number() OVER (PARTITION BY sync_id ORDER BY position) AS n
				  FROM sales_crm_skipped_record s WHERE sync_id = ANY(:ids)) ranked
				WHERE n <= :max ORDER BY sync_id, position""")
			.bind("ids", syncKeys.toArray(UUID[]::new)).bind("max", SKIPPED_READ_MAX)
			.map(row -> Map.entry(row.get("sync_id", UUID.class), new SkippedRecord(row.get("position", Integer.class),
					row.get("record_id", String.class), SkipReason.valueOf(row.get("reason", String.class)), row.get("message", String.class))))
			.all()
			.collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
	}

	/** Syncs newest first, of one provider or all; keyset pages on (created at, id). */
	Mono<Connection<CrmSync>> page(TenantTransaction tx, @Nullable CrmProvider provider, PageRequest page) {
		String filter = provider == null ? " WHERE true" : " WHERE provider = :provider";
		String keyset = page.cursorKey() == null ? "" : page.forward() ? " AND (created_at, id) < (:cursorAt, :cursorId)"
				: " AND (created_at, id) > (:cursorAt, :cursorId)";
		String order = page.forward() ? "DESC" : "ASC";
		var select = tx.db().sql("SELECT " + COLUMNS + " FROM sales_crm_sync" + filter + keyset + " ORDER BY created_at " + order + ", id "
				+ order + " LIMIT :limit").bind("limit", page.size() + 1);
		var count = tx.db().sql("SELECT count(*) AS total FROM sales_crm_sync" + filter);
		if (provider != null) {
			select = select.bind("provider", provider.name());
			count = count.bind("provider", provider.name());
		}
		if (page.cursorKey() != null) {
			Cursor cursor = Cursor.parse(page.cursorKey());
			select = select.bind("cursorAt", cursor.createdAt().atOffset(ZoneOffset.UTC)).bind("cursorId", cursor.key());
		}
		return select.map(CrmSyncStore::toSync).all().collectList()
			.zipWith(count.map(row -> row.get("total", Long.class)).one(),
					(found, total) -> Connection.fromKeyset(page, found, sync -> sync.createdAt() + "|" + sync.key(), total.intValue()));
	}

	/** A sync cursor: its creation time and key. */
	record Cursor(Instant createdAt, UUID key) {

		/** Parses a cursor; {@link IllegalArgumentException} when it is not one. */
		static Cursor parse(String text) {
			int bar = text.indexOf('|');
			if (bar < 0) {
				throw new IllegalArgumentException("Not a sync cursor");
			}
			try {
				return new Cursor(Instant.parse(text.substring(0, bar)), UUID.fromString(text.substring(bar + 1)));
			}
			catch (java.time.format.DateTimeParseException ex) {
				throw new IllegalArgumentException("Not a sync cursor", ex);
			}
		}

	}

	private static CrmSync toSync(Readable row) {
		String failure = row.get("failure", String.class);
		return new CrmSync(row.get("id", UUID.class), CrmProvider.valueOf(row.get("provider", String.class)),
				CrmSync.Status.valueOf(row.get("status", String.class)), row.get("job_id", UUID.class), row.get("requested_by", String.class),
				instant(row, "created_at"), instantOrNull(row, "finished_at"), instantOrNull(row, "watermark_before"),
				instantOrNull(row, "watermark_after"),
				new CrmSync.Counts(row.get("fetched", Integer.class), row.get("inserted", Integer.class), row.get("updated", Integer.class),
						row.get("unchanged", Integer.class), row.get("skipped", Integer.class)),
				failure == null ? null : SyncFailure.valueOf(failure), row.get("failure_message", String.class));
	}

	private static Instant instant(Readable row, String column) {
		return java.util.Objects.requireNonNull(row.get(column, OffsetDateTime.class), column).toInstant();
	}

	private static @Nullable Instant instantOrNull(Readable row, String column) {
		OffsetDateTime value = row.get(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
