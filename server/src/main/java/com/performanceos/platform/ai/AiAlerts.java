package com.performanceos.platform.ai;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.audit.AuditTrail;
import com.performanceos.platform.egress.EgressGuard;
import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * Tells admins what they must know about the AI once, not at every request: a provider outage as the tenant lives it
 * (opened by its first queued request, closed when its queue drained) and each budget threshold crossed in a month.
 * Each is an audit record, written in the transaction that caused it, and a POST to the operator's webhook through
 * the egress guard after that transaction committed (a lost webhook leaves the audit record).
 */
@Component
class AiAlerts {

	static final String ACTOR = "system:ai";

	private static final Logger log = LoggerFactory.getLogger(AiAlerts.class);

	private final AuditTrail audit;

	private final EgressGuard egress;

	private final JsonMapper json;

	private final AiProperties settings;

	AiAlerts(AuditTrail audit, EgressGuard egress, JsonMapper json, AiProperties settings) {
		this.audit = audit;
		this.egress = egress;
		this.json = json;
		this.settings = settings;
	}

	/** Opens the tenant's outage unless one is open; answers whether it did (and then audits it). */
	Mono<Boolean> openOutage(TenantTransaction tx, String reason) {
		return tx.db().sql("INSERT INTO ai_outage (tenant_id, id, reason) VALUES (:tenant, :id, :reason) ON CONFLICT DO NOTHING")
			.bind("tenant", tx.tenant()).bind("id", UUID.randomUUID()).bind("reason", reason)
			.fetch().rowsUpdated()
			.flatMap(inserted -> inserted == 0 ? Mono.just(false)
					: audit.record(tx, new AuditEntry(ACTOR, "ai.provider.unavailable", "AiProvider", null, null, null,
							Map.of("reason", reason, "model", settings.model()))).thenReturn(true));
	}

	/** Closes the tenant's open outage, audited, when its queue is empty. */
	Mono<Boolean> closeOutage(TenantTransaction tx) {
		return tx.db().sql("UPDATE ai_outage SET ended_at = clock_timestamp() WHERE ended_at IS NULL").fetch().rowsUpdated()
			.flatMap(closed -> closed == 0 ? Mono.just(false)
					: audit.record(tx, new AuditEntry(ACTOR, "ai.provider.recovered", "AiProvider", null, null, null,
							Map.of("model", settings.model()))).thenReturn(true));
	}

	/** Audits a budget threshold crossed for the first time this month. */
	Mono<Void> budgetCrossed(TenantTransaction tx, String level, long used, long budget) {
		return audit.record(tx, new AuditEntry(ACTOR, "ai.budget." + level.toLowerCase(java.util.Locale.ROOT), "AiBudget", null, null, null,
				Map.of("tokensUsed", used, "monthlyTokens", budget)));
	}

	void postOutage(String tenant, String reason) {
		post(tenant, "ai.provider.unavailable", Map.of("reason", reason, "model", settings.model()));
	}

	void postBudget(String tenant, String level, long used, long budget) {
		post(tenant, "ai.budget." + level.toLowerCase(java.util.Locale.ROOT), Map.of("tokensUsed", used, "monthlyTokens", budget));
	}

	private void post(String tenant, String type, Map<String, Object> details) {
		String url = settings.alertWebhookUrl();
		if (url == null || url.isBlank()) {
			return;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type);
		body.put("tenant", tenant);
		body.put("at", Instant.now().toString());
		body.putAll(details);
		egress.post(url, Map.of("Content-Type", "application/json"), json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8))
			.subscribe(status -> log.info("AI alert {} for tenant {} delivered", type, tenant),
					error -> log.warn("AI alert {} for tenant {} not delivered (it stays in the audit log): {}", type, tenant,
							error.getMessage()));
	}

}
