package com.performanceos.platform.ai;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * The durable queue of requests the provider did not answer, in PostgreSQL: a request is written in the caller's
 * transaction (with what it will complete), so it exists exactly when the caller's record does and survives any
 * restart. {@link AiQueueDrain} answers it later.
 */
@Component
public final class AiQueue {

	/** A queued request as the drain reads it. */
	record Queued(UUID key, AiModule module, String purpose, UUID subjectKey, AiPrompt prompt, String reason) {
	}

	private final JsonMapper json;

	private final AiAlerts alerts;

	AiQueue(JsonMapper json, AiAlerts alerts) {
		this.json = json;
		this.alerts = alerts;
	}

	/**
	 * Queues a request for {@code subjectKey} in the caller's transaction and, when it opens an outage for the tenant,
	 * records the audit entry that alerts its admins (the webhook follows once the caller commits: {@link #alertAfterCommit}).
	 *
	 * @return whether this request opened the tenant's outage
	 */
	public Mono<Boolean> enqueue(TenantTransaction tx, AiModule module, String purpose, UUID subjectKey, AiPrompt prompt, String reason) {
		return tx.db().sql("INSERT INTO ai_request (tenant_id, id, module, purpose, subject_key, messages, prompt_sha256, status, reason) "
				+ "VALUES (:tenant, :id, :module, :purpose, :subject, :messages, :sha, 'QUEUED', :reason)")
			.bind("tenant", tx.tenant()).bind("id", UUID.randomUUID()).bind("module", module.name()).bind("purpose", purpose)
			.bind("subject", subjectKey).bind("messages", json.writeValueAsString(prompt.toValue())).bind("sha", prompt.sha256())
			.bind("reason", reason)
			.fetch().rowsUpdated()
			.then(tx.db().sql("INSERT INTO ai_queue_tenant (tenant_id) VALUES (:tenant) ON CONFLICT DO NOTHING").bind("tenant", tx.tenant())
				.fetch().rowsUpdated())
			.then(alerts.openOutage(tx, reason));
	}

	/** Posts the outage alert to the operator's webhook once the transaction that opened it committed. */
	public void alertAfterCommit(String tenant, boolean opened, String reason) {
		if (opened) {
			alerts.postOutage(tenant, reason);
		}
	}

	Mono<List<Queued>> claim(TenantTransaction tx, int limit) {
		return tx.db().sql("SELECT id, module, purpose, subject_key, messages, reason FROM ai_request WHERE status = 'QUEUED' "
				+ "ORDER BY created_at LIMIT :limit FOR UPDATE SKIP LOCKED")
			.bind("limit", limit)
			.map(row -> {
				Map<String, String> messages = json.readValue(row.get("messages", String.class), new TypeReference<Map<String, String>>() {
				});
				return new Queued(row.get("id", UUID.class), AiModule.valueOf(row.get("module", String.class)),
						row.get("purpose", String.class), row.get("subject_key", UUID.class),
						new AiPrompt(messages.get("system"), messages.get("user")), row.get("reason", String.class));
			})
			.all().collectList();
	}

	Mono<Void> done(TenantTransaction tx, UUID key) {
		return tx.db().sql("UPDATE ai_request SET status = 'DONE', completed_at = clock_timestamp(), attempts = attempts + 1 WHERE id = :id")
			.bind("id", key).fetch().rowsUpdated().then();
	}

	Mono<Void> attempted(TenantTransaction tx, UUID key) {
		return tx.db().sql("UPDATE ai_request SET attempts = attempts + 1 WHERE id = :id").bind("id", key).fetch().rowsUpdated().then();
	}

	Mono<Long> queuedCount(TenantTransaction tx) {
		return tx.db().sql("SELECT count(*) AS queued FROM ai_request WHERE status = 'QUEUED'").map(row -> row.get("queued", Long.class))
			.one();
	}

	Mono<List<String>> tenants(org.springframework.r2dbc.core.DatabaseClient system) {
		return system.sql("SELECT tenant_id FROM ai_queue_tenant ORDER BY tenant_id").map(row -> row.get("tenant_id", String.class))
			.all().collectList();
	}

}
