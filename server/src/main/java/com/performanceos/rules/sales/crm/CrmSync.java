package com.performanceos.rules.sales.crm;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.rules.sales.DealSource;

/**
 * One sync of a provider's deals (the schema's {@code CrmSync}): the lineage of every deal it changed.
 *
 * @param key its primary key
 * @param provider the CRM
 * @param status where it stands
 * @param jobKey the job that runs it
 * @param requestedBy who asked for it (the token's subject)
 * @param createdAt when it was asked for
 * @param finishedAt when it ended
 * @param watermarkBefore the watermark it fetched after (null: a full sync)
 * @param watermarkAfter the watermark it committed (null until it succeeds, or when it found nothing ever)
 * @param counts what it fetched and did
 * @param failure why it failed
 * @param failureMessage the failure in a sentence, with the provider's HTTP status when there was one
 */
record CrmSync(UUID key, CrmProvider provider, Status status, UUID jobKey, String requestedBy, Instant createdAt,
		@Nullable Instant finishedAt, @Nullable Instant watermarkBefore, @Nullable Instant watermarkAfter, Counts counts,
		@Nullable SyncFailure failure, @Nullable String failureMessage) {

	static final String TYPE_NAME = DealSource.CRM_SYNC_TYPE_NAME;

	/** The global id of the {@code Node} interface. */
	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

	public int fetched() {
		return counts.fetched();
	}

	public int inserted() {
		return counts.inserted();
	}

	public int updated() {
		return counts.updated();
	}

	public int unchanged() {
		return counts.unchanged();
	}

	public int skipped() {
		return counts.skipped();
	}

	/** Where a sync stands; mirrors the schema's {@code CrmSyncStatus}. */
	enum Status {

		QUEUED, RUNNING, SUCCEEDED, FAILED;

		boolean finished() {
			return this == SUCCEEDED || this == FAILED;
		}

	}

	/**
	 * What a sync fetched and did with it.
	 *
	 * @param fetched records the provider answered
	 * @param inserted deals added
	 * @param updated deals whose content changed
	 * @param unchanged records equal to the deal already stored
	 * @param skipped records not stored, each with its reason
	 */
	record Counts(int fetched, int inserted, int updated, int unchanged, int skipped) {

		static final Counts NONE = new Counts(0, 0, 0, 0, 0);

	}

}
