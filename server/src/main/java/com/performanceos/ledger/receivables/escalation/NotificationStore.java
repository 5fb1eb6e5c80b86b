package com.performanceos.ledger.receivables.escalation;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;

/** The webhook notifications' SQL; every method runs inside a tenant transaction. */
@Component
class NotificationStore {

	/** A notification to write: its body is fixed now so every retry sends the same signed bytes. */
	record NewNotification(UUID key, UUID taskKey, UUID ruleKey, String url, String body) {
	}

	/** A notification claimed for delivery, with the rule's encrypted secret. */
	record Claimed(UUID key, UUID taskKey, String url, String body, String encryptedSecret, int attempts) {
	}

	Mono<Void> insert(TenantTransaction tx, List<NewNotification> notifications) {
		if (notifications.isEmpty()) {
			return Mono.empty();
		}
		return tx.db().sql("""
				INSERT INTO ledger_escalation_notification (tenant_id, id, task_id, rule_id, url, body, status)
				SELECT :tenant, id, task_id, rule_id, url, body, 'PENDING'
				FROM unnest(CAST(:ids AS uuid[]), CAST(:tasks AS uuid[]), CAST(:rules AS uuid[]), CAST(:urls AS text[]),
				            CAST(:bodies AS text[])) AS n(id, task_id, rule_id, url, body)""")
			.bind("tenant", tx.tenant())
			.bind("ids", notifications.stream().map(NewNotification::key).toArray(UUID[]::new))
			.bind("tasks", notifications.stream().map(NewNotification::taskKey).toArray(UUID[]::new))
			.bind("rules", notifications.stream().map(NewNotification::ruleKey).toArray(UUID[]::new))
			.bind("urls", notifications.stream().map(NewNotification::url).toArray(String[]::new))
			.bind("bodies", notifications.stream().map(NewNotification::body).toArray(String[]::new))
			.then();
	}

	/**
	 * Claims pending notifications (all of them, or only those whose backoff has elapsed) and pushes
	 * their next attempt past the lease, so a concurrent run skips them while this one calls out.
	 */
	Mono<List<Claimed>> claim(DatabaseClient db, boolean dueOnly, int limit, Duration lease) {
		return db.sql("""
				WITH due AS (
				  SELECT id FROM ledger_escalation_notification
				  WHERE status = 'PENDING'""" + (dueOnly ? " AND next_attempt_at <= clock_timestamp()" : "") + """

				  ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED
				)
				UPDATE ledger_escalation_notification n
				SET next_attempt_at = clock_timestamp() + CAST(:lease AS interval)
				FROM due, ledger_escalation_rule r
				WHERE n.id = due.id AND r.id = n.rule_id AND r.webhook_secret IS NOT NULL
				RETURNING n.id, n.task_id, n.url, n.body, r.webhook_secret, n.attempts""")
			.bind("limit", limit)
			.bind("lease", lease.toMillis() + " milliseconds")
			.map(row -> new Claimed(row.get("id", UUID.class), row.get("task_id", UUID.class), row.get("url", String.class),
					row.get("body", String.class), row.get("webhook_secret", String.class), row.get("attempts", Integer.class)))
			.all()
			.collectList();
	}

	Mono<EscalationNotification> markDelivered(DatabaseClient db, UUID key) {
		return db.sql("UPDATE ledger_escalation_notification SET status = 'DELIVERED', attempts = attempts + 1, "
				+ "delivered_at = clock_timestamp(), last_error = NULL WHERE id = :id AND status = 'PENDING' RETURNING " + COLUMNS)
			.bind("id", key)
			.map(NotificationStore::toNotification)
			.one();
	}

	Mono<Void> markFailed(DatabaseClient db, UUID key, String error, Duration backoff) {
		return db.sql("UPDATE ledger_escalation_notification SET attempts = attempts + 1, last_error = :error, "
				+ "next_attempt_at = clock_timestamp() + CAST(:backoff AS interval) WHERE id = :id AND status = 'PENDING'")
			.bind("id", key)
			.bind("error", error)
			.bind("backoff", backoff.toMillis() + " milliseconds")
			.then();
	}

	Mono<Long> countPending(DatabaseClient db) {
		return db.sql("SELECT count(*) AS total FROM ledger_escalation_notification WHERE status = 'PENDING'")
			.map(row -> row.get("total", Long.class))
			.one();
	}

	Mono<Map<UUID, EscalationNotification>> ofTasks(DatabaseClient db, Collection<UUID> taskKeys) {
		return db.sql("SELECT " + COLUMNS + " FROM ledger_escalation_notification WHERE task_id = ANY(:keys)")
			.bind("keys", taskKeys.toArray(UUID[]::new))
			.map(NotificationStore::toNotification)
			.all()
			.collectMap(EscalationNotification::taskKey);
	}

	private static final String COLUMNS = "task_id, status, url, attempts, last_error, delivered_at";

	private static EscalationNotification toNotification(Readable row) {
		OffsetDateTime deliveredAt = row.get("delivered_at", OffsetDateTime.class);
		return new EscalationNotification(row.get("task_id", UUID.class),
				EscalationNotification.Status.valueOf(row.get("status", String.class)), row.get("url", String.class),
				row.get("attempts", Integer.class), row.get("last_error", String.class),
				deliveredAt == null ? null : deliveredAt.toInstant());
	}

}
