package com.performanceos.platform.jobs;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.GlobalId;

/**
 * A unit of long-running work and its state.
 *
 * @param key the primary key
 * @param kind what the job does, e.g. {@code ledger.import}
 * @param status where it stands
 * @param progress how far it got
 * @param createdAt when it was queued
 * @param startedAt when it started running
 * @param finishedAt when it ended
 * @param result its outcome as a JSON object, once it ended
 * @param error why it failed
 */
public record Job(UUID key, String kind, JobStatus status, Progress progress, Instant createdAt, @Nullable Instant startedAt,
		@Nullable Instant finishedAt, @Nullable String result, @Nullable String error) {

	static final String TYPE_NAME = "Job";

	public Job {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(progress, "progress");
	}

	/** The global id of the {@code Node} interface. */
	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

	/** The global id of the job with the given key. */
	public static String idOf(UUID key) {
		return GlobalId.encode(TYPE_NAME, key);
	}

	/**
	 * Units of work done out of the total, when known.
	 *
	 * @param done units done, never more than the total
	 * @param total units in all, null while unknown
	 */
	public record Progress(long done, @Nullable Long total) {

		public Progress {
			if (done < 0 || (total != null && (total < 0 || done > total))) {
				throw new IllegalArgumentException("Progress " + done + " of " + total + " is not possible");
			}
		}

		/** Whole percent done (rounded down), null while the total is unknown. */
		public @Nullable Integer percent() {
			if (total == null) {
				return null;
			}
			return total == 0 ? 100 : (int) (done * 100 / total);
		}

	}

}
