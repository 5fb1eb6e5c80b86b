package com.performanceos.scenarios.dunning;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.tenancy.TenantTransaction;

/** The SQL of the tenant's CRM receiver and of the pushes to it; every method runs inside the tenant's transaction. */
@Component
class DunningPushStore {

	/** A push claimed for an attempt, with the receiver it goes to now and its encrypted secret. */
	record Claimed(UUID key, long seq, String event, String body, int attempts, String url, String encryptedSecret) {
	}

	/** The receiver with its pushes' state, read in the same statement (under the same tenant policy). */
	private static final String WEBHOOK_COLUMNS = "url, revision, updated_by, updated_at, "
			+ "(SELECT count(*) FROM scenarios_dunning_push WHERE status = 'PENDING') AS pending, "
			+ "(SELECT count(*) FROM scenarios_dunning_push WHERE status = 'DELIVERED') AS delivered, "
			+ "(SELECT last_error FROM scenarios_dunning_push WHERE status = 'PENDING' ORDER BY seq LIMIT 1) AS last_error";

	private static final String PUSH_COLUMNS = "id, seq, event, invoice_number, body, status, attempts, last_error, next_attempt_at, "
			+ "delivered_to, delivered_at, created_at";

	Mono<DunningWebhook> webhook(TenantTransaction tx) {
		return tx.db().sql("SELECT " + WEBHOOK_COLUMNS + " FROM scenarios_dunning_webhook").map(DunningPushStore::toWebhook).one();
	}

	/** Sets the receiver (a new revision when one was set) and lists the tenant for the retry pass. */
	Mono<DunningWebhook> saveWebhook(TenantTransaction tx, String url, String encryptedSecret, String actor) {
		return tx.db().sql("""
				INSERT INTO scenarios_dunning_webhook (tenant_id, url, secret, updated_by) VALUES (:tenant, :url, :secret, :actor)
				ON CONFLICT (tenant_id) DO UPDATE SET url = excluded.url, secret = excluded.secret,
				  revision = scenarios_dunning_webhook.revision + 1, updated_by = excluded.updated_by, updated_at = clock_timestamp()
				RETURNING""" + " " + WEBHOOK_COLUMNS)
			.bind("tenant", tx.tenant())
			.bind("url", url)
			.bind("secret", encryptedSecret)
			.bind("actor", actor)
			.map(DunningPushStore::toWebhook)
			.one()
			.flatMap(webhook -> tx.db().sql("INSERT INTO scenarios_dunning_webhook_tenant (tenant_id) VALUES (:tenant) ON CONFLICT DO NOTHING")
				.bind("tenant", tx.tenant())
				.then()
				.thenReturn(webhook));
	}

	/** Removes the receiver; empty when none was set. */
	Mono<DunningWebhook> removeWebhook(TenantTransaction tx) {
		return tx.db().sql("DELETE FROM scenarios_dunning_webhook RETURNING " + WEBHOOK_COLUMNS).map(DunningPushStore::toWebhook).one();
	}

	/** Cancels the pushes still pending; answers how many. */
	Mono<Long> cancelPending(TenantTransaction tx) {
		return tx.db().sql("UPDATE scenarios_dunning_push SET status = 'CANCELLED' WHERE status = 'PENDING'").fetch().rowsUpdated();
	}

	/** Records a push, only when the tenant has a receiver; answers whether it did. */
	Mono<Boolean> enqueue(TenantTransaction tx, UUID key, String event, String invoiceNumber, String body) {
		return tx.db().sql("""
				INSERT INTO scenarios_dunning_push (tenant_id, id, event, invoice_number, body)
				SELECT :tenant, :id, :event, :number, :body WHERE EXISTS (SELECT 1 FROM scenarios_dunning_webhook)""")
			.bind("tenant", tx.tenant())
			.bind("id", key)
			.bind("event", event)
			.bind("number", invoiceNumber)
			.bind("body", body)
			.fetch()
			.rowsUpdated()
			.map(inserted -> inserted > 0);
	}

	/**
	 * Claims the oldest pending pushes, in order, and pushes their next attempt past the lease, so a concurrent pass
	 * skips them while this one calls out. With {@code dueOnly}, nothing is claimed until the oldest pending push's
	 * backoff elapsed: later pushes wait behind it, so the receiver gets them in the order they happened.
	 */
	Mono<List<Claimed>> claim(TenantTransaction tx, boolean dueOnly, int limit, Duration lease) {
		String headDue = dueOnly ? """
				 AND (SELECT h.next_attempt_at FROM scenarios_dunning_push h WHERE h.status = 'PENDING' ORDER BY h.seq LIMIT 1)
				     <= clock_timestamp()""" : "";
		return tx.db().sql("""
				WITH due AS (
				  SELECT id FROM scenarios_dunning_push WHERE status = 'PENDING'""" + headDue + """

				  ORDER BY seq LIMIT :limit FOR UPDATE SKIP LOCKED
				)
				UPDATE scenarios_dunning_push p SET next_attempt_at = clock_timestamp() + CAST(:lease AS interval)
				FROM due, scenarios_dunning_webhook w
				WHERE p.id = due.id
				RETURNING p.id, p.seq, p.event, p.body, p.attempts, w.url, w.secret""")
			.bind("limit", limit)
			.bind("lease", lease.toMillis() + " milliseconds")
			.map(row -> new Claimed(row.get("id", UUID.class), row.get("seq", Long.class), row.get("event", String.class),
					row.get("body", String.class), row.get("attempts", Integer.class), row.get("url", String.class),
					row.get("secret", String.class)))
			.all()
			.collectList()
			.map(claimed -> claimed.stream().sorted(java.util.Comparator.comparingLong(Claimed::seq)).toList());
	}

	/** Gives claimed pushes that were not tried back, due after {@code wait} (behind the one that failed). */
	Mono<Void> release(TenantTransaction tx, List<UUID> keys, Duration wait) {
		if (keys.isEmpty()) {
			return Mono.empty();
		}
		return tx.db().sql("UPDATE scenarios_dunning_push SET next_attempt_at = clock_timestamp() + CAST(:wait AS interval) "
				+ "WHERE id = ANY(:ids) AND status = 'PENDING'")
			.bind("ids", keys.toArray(UUID[]::new))
			.bind("wait", wait.toMillis() + " milliseconds")
			.then();
	}

	/** Marks a push delivered; empty when it was no longer pending (cancelled meanwhile). */
	Mono<DunningPush> markDelivered(TenantTransaction tx, UUID key, String url) {
		return tx.db().sql("UPDATE scenarios_dunning_push SET status = 'DELIVERED', attempts = attempts + 1, last_error = NULL, "
				+ "delivered_to = :url, delivered_at = clock_timestamp() WHERE id = :id AND status = 'PENDING' RETURNING " + PUSH_COLUMNS)
			.bind("id", key)
			.bind("url", url)
			.map(DunningPushStore::toPush)
			.one();
	}

	Mono<Void> markFailed(TenantTransaction tx, UUID key, String error, Duration backoff) {
		return tx.db().sql("UPDATE scenarios_dunning_push SET attempts = attempts + 1, last_error = :error, "
				+ "next_attempt_at = clock_timestamp() + CAST(:backoff AS interval) WHERE id = :id AND status = 'PENDING'")
			.bind("id", key)
			.bind("error", error)
			.bind("backoff", backoff.toMillis() + " milliseconds")
			.then();
	}

	/** How many pushes are in each status. */
	Mono<Map<DunningPushStatus, Long>> counts(TenantTransaction tx) {
		return tx.db().sql("SELECT status, count(*) AS total FROM scenarios_dunning_push GROUP BY status")
			.map(row -> Map.entry(DunningPushStatus.valueOf(row.get("status", String.class)), row.get("total", Long.class)))
			.all()
			.collectList()
			.map(entries -> {
				Map<DunningPushStatus, Long> counts = new EnumMap<>(DunningPushStatus.class);
				for (DunningPushStatus status : DunningPushStatus.values()) {
					counts.put(status, 0L);
				}
				entries.forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
				return counts;
			});
	}

	Mono<List<DunningPush>> page(TenantTransaction tx, @Nullable DunningPushStatus status, PageRequest request) {
		long after = request.cursorKey() == null ? 0 : Long.parseLong(request.cursorKey());
		var spec = tx.db().sql("SELECT " + PUSH_COLUMNS + " FROM scenarios_dunning_push WHERE seq > :after"
				+ (status == null ? "" : " AND status = :status") + " ORDER BY seq LIMIT :limit")
			.bind("after", after)
			.bind("limit", request.size() + 1);
		spec = status == null ? spec : spec.bind("status", status.name());
		return spec.map(DunningPushStore::toPush).all().collectList();
	}

	Mono<Integer> count(TenantTransaction tx, @Nullable DunningPushStatus status) {
		var spec = tx.db().sql("SELECT count(*) AS total FROM scenarios_dunning_push" + (status == null ? "" : " WHERE status = :status"));
		spec = status == null ? spec : spec.bind("status", status.name());
		return spec.map(row -> row.get("total", Long.class).intValue()).one();
	}

	private static DunningWebhook toWebhook(Readable row) {
		return new DunningWebhook(row.get("url", String.class), row.get("revision", Integer.class), row.get("updated_by", String.class),
				row.get("updated_at", OffsetDateTime.class).toInstant(), row.get("pending", Long.class).intValue(),
				row.get("delivered", Long.class).intValue(), row.get("last_error", String.class));
	}

	private static DunningPush toPush(Readable row) {
		return new DunningPush(row.get("id", UUID.class), row.get("seq", Long.class), row.get("event", String.class),
				row.get("invoice_number", String.class), row.get("body", String.class),
				DunningPushStatus.valueOf(row.get("status", String.class)), row.get("attempts", Integer.class),
				row.get("last_error", String.class), row.get("next_attempt_at", OffsetDateTime.class).toInstant(),
				row.get("delivered_to", String.class), instant(row.get("delivered_at", OffsetDateTime.class)),
				row.get("created_at", OffsetDateTime.class).toInstant());
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}

}
