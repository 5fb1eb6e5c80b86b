package com.performanceos.platform.jobs;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.events.EventType;

/**
 * A job changed state (it started, progressed, finished); carries the whole job so a subscriber on
 * any instance renders it without reading PostgreSQL. Instants are ISO-8601 strings.
 */
@EventType("platform.JobProgressed")
record JobProgressed(String key, String kind, String status, long done, @Nullable Long total, String createdAt,
		@Nullable String startedAt, @Nullable String finishedAt, @Nullable String result, @Nullable String error) {

	static JobProgressed of(Job job) {
		return new JobProgressed(job.key().toString(), job.kind(), job.status().name(), job.progress().done(), job.progress().total(),
				job.createdAt().toString(), text(job.startedAt()), text(job.finishedAt()), job.result(), job.error());
	}

	Job job() {
		return new Job(UUID.fromString(key), kind, JobStatus.valueOf(status), new Job.Progress(done, total), Instant.parse(createdAt),
				instant(startedAt), instant(finishedAt), result, error);
	}

	private static @Nullable String text(@Nullable Instant instant) {
		return instant == null ? null : instant.toString();
	}

	private static @Nullable Instant instant(@Nullable String text) {
		return text == null ? null : Instant.parse(text);
	}

}
