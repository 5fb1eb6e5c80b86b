package com.performanceos.platform.jobs;

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

/** The jobs' SQL; every method runs inside a tenant transaction. */
@Component
class JobStore {

	private static final String COLUMNS = "id, kind, status, done, total, created_at, started_at, finished_at, result::text AS result, error";

	Mono<Job> insert(TenantTransaction tx, UUID key, String kind) {
		return tx.db().sql("INSERT INTO platform_job (tenant_id, id, kind, status) VALUES (:tenant, :id, :kind, 'QUEUED') RETURNING " + COLUMNS)
			.bind("tenant", tx.tenant())
			.bind("id", key)
			.bind("kind", kind)
			.map(JobStore::toJob)
			.one();
	}

	Mono<Map<UUID, Job>> load(DatabaseClient db, Collection<UUID> keys) {
		return db.sql("SELECT " + COLUMNS + " FROM platform_job WHERE id = ANY(:keys)")
			.bind("keys", keys.toArray(UUID[]::new))
			.map(JobStore::toJob)
			.all()
			.collectMap(Job::key);
	}

	/** Marks a queued job running; empty when it was not queued (e.g. cancelled meanwhile). */
	Mono<Job> start(DatabaseClient db, UUID key) {
		return db.sql("UPDATE platform_job SET status = 'RUNNING', started_at = clock_timestamp() WHERE id = :id AND status = 'QUEUED' RETURNING "
				+ COLUMNS)
			.bind("id", key)
			.map(JobStore::toJob)
			.one();
	}

	Mono<Void> progress(DatabaseClient db, UUID key, Job.Progress progress) {
		var update = db.sql("UPDATE platform_job SET done = :done, total = :total WHERE id = :id AND status = 'RUNNING'")
			.bind("id", key)
			.bind("done", progress.done());
		update = progress.total() == null ? update.bindNull("total", Long.class) : update.bind("total", progress.total());
		return update.then();
	}

	Mono<Job> finish(DatabaseClient db, UUID key, JobStatus status, Job.Progress progress, @Nullable String result,
			@Nullable String error) {
		var update = db.sql("UPDATE platform_job SET status = :status, done = :done, total = :total, finished_at = clock_timestamp(), "
				+ "result = CAST(:result AS jsonb), error = :error WHERE id = :id RETURNING " + COLUMNS)
			.bind("id", key)
			.bind("status", status.name())
			.bind("done", progress.done());
		update = progress.total() == null ? update.bindNull("total", Long.class) : update.bind("total", progress.total());
		update = result == null ? update.bindNull("result", String.class) : update.bind("result", result);
		update = error == null ? update.bindNull("error", String.class) : update.bind("error", error);
		return update.map(JobStore::toJob).one();
	}

	private static Job toJob(Readable row) {
		return new Job(row.get("id", UUID.class), row.get("kind", String.class), JobStatus.valueOf(row.get("status", String.class)),
				new Job.Progress(row.get("done", Long.class), row.get("total", Long.class)),
				row.get("created_at", OffsetDateTime.class).toInstant(), instant(row.get("started_at", OffsetDateTime.class)),
				instant(row.get("finished_at", OffsetDateTime.class)), row.get("result", String.class), row.get("error", String.class));
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}

}
