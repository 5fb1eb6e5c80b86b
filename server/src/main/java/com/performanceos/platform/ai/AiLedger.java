package com.performanceos.platform.ai;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * The tenant's AI settings and accounts, in its own transaction: module switches, the monthly token budget, the
 * tokens used per month, module and model, and the budget thresholds already announced.
 */
@Component
class AiLedger {

	/** One row of usage. */
	record Usage(String module, String model, long requests, long promptTokens, long completionTokens) {
	}

	static LocalDate monthOf(java.time.Instant instant) {
		return instant.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
	}

	Mono<Boolean> moduleEnabled(TenantTransaction tx, AiModule module) {
		return tx.db().sql("SELECT enabled FROM ai_tenant_module WHERE module = :module").bind("module", module.name())
			.map(row -> Boolean.TRUE.equals(row.get("enabled", Boolean.class))).first().defaultIfEmpty(true);
	}

	Mono<Map<AiModule, Boolean>> modules(TenantTransaction tx) {
		return tx.db().sql("SELECT module, enabled FROM ai_tenant_module")
			.map(row -> Map.entry(AiModule.valueOf(row.get("module", String.class)), Boolean.TRUE.equals(row.get("enabled", Boolean.class))))
			.all().collectList().map(rows -> {
				Map<AiModule, Boolean> modules = new EnumMap<>(AiModule.class);
				for (AiModule module : AiModule.values()) {
					modules.put(module, true);
				}
				rows.forEach(row -> modules.put(row.getKey(), row.getValue()));
				return modules;
			});
	}

	Mono<Void> setModule(TenantTransaction tx, AiModule module, boolean enabled, String actor) {
		return tx.db().sql("INSERT INTO ai_tenant_module (tenant_id, module, enabled, updated_by) VALUES (:tenant, :module, :enabled, :actor) "
				+ "ON CONFLICT (tenant_id, module) DO UPDATE SET enabled = excluded.enabled, updated_by = excluded.updated_by, "
				+ "updated_at = clock_timestamp()")
			.bind("tenant", tx.tenant()).bind("module", module.name()).bind("enabled", enabled).bind("actor", actor)
			.fetch().rowsUpdated().then();
	}

	Mono<Long> budget(TenantTransaction tx) {
		return tx.db().sql("SELECT monthly_tokens FROM ai_budget").map(row -> row.get("monthly_tokens", Long.class)).first();
	}

	Mono<Void> setBudget(TenantTransaction tx, long monthlyTokens, String actor) {
		return tx.db().sql("INSERT INTO ai_budget (tenant_id, monthly_tokens, updated_by) VALUES (:tenant, :tokens, :actor) "
				+ "ON CONFLICT (tenant_id) DO UPDATE SET monthly_tokens = excluded.monthly_tokens, updated_by = excluded.updated_by, "
				+ "updated_at = clock_timestamp()")
			.bind("tenant", tx.tenant()).bind("tokens", monthlyTokens).bind("actor", actor).fetch().rowsUpdated().then();
	}

	Mono<Long> tokensUsed(TenantTransaction tx, LocalDate month) {
		return tx.db().sql("SELECT coalesce(sum(prompt_tokens + completion_tokens), 0) AS used FROM ai_usage WHERE month = :month")
			.bind("month", month).map(row -> ((Number) row.get("used")).longValue()).one();
	}

	Mono<List<Usage>> usage(TenantTransaction tx, LocalDate month) {
		return tx.db().sql("SELECT module, model, requests, prompt_tokens, completion_tokens FROM ai_usage WHERE month = :month "
				+ "ORDER BY module, model")
			.bind("month", month)
			.map(row -> new Usage(row.get("module", String.class), row.get("model", String.class), row.get("requests", Long.class),
					row.get("prompt_tokens", Long.class), row.get("completion_tokens", Long.class)))
			.all().collectList();
	}

	/** Adds one answered request; answers the month's total tokens afterwards. */
	Mono<Long> record(TenantTransaction tx, LocalDate month, AiModule module, AiAnswer answer) {
		return tx.db().sql("INSERT INTO ai_usage (tenant_id, month, module, model, requests, prompt_tokens, completion_tokens) "
				+ "VALUES (:tenant, :month, :module, :model, 1, :prompt, :completion) ON CONFLICT (tenant_id, month, module, model) "
				+ "DO UPDATE SET requests = ai_usage.requests + 1, prompt_tokens = ai_usage.prompt_tokens + excluded.prompt_tokens, "
				+ "completion_tokens = ai_usage.completion_tokens + excluded.completion_tokens")
			.bind("tenant", tx.tenant()).bind("month", month).bind("module", module.name()).bind("model", answer.model())
			.bind("prompt", answer.promptTokens()).bind("completion", answer.completionTokens())
			.fetch().rowsUpdated().then(tokensUsed(tx, month));
	}

	/** Notes that the month crossed a threshold; answers whether this is the first time (so it is announced once). */
	Mono<Boolean> crossed(TenantTransaction tx, LocalDate month, String level, long tokens) {
		return tx.db().sql("INSERT INTO ai_budget_alert (tenant_id, month, level, tokens) VALUES (:tenant, :month, :level, :tokens) "
				+ "ON CONFLICT DO NOTHING")
			.bind("tenant", tx.tenant()).bind("month", month).bind("level", level).bind("tokens", tokens)
			.fetch().rowsUpdated().map(inserted -> inserted > 0);
	}

	/** The thresholds crossed in the month. */
	Mono<List<String>> crossedLevels(TenantTransaction tx, LocalDate month) {
		return tx.db().sql("SELECT level FROM ai_budget_alert WHERE month = :month ORDER BY level").bind("month", month)
			.map(row -> row.get("level", String.class)).all().collectList();
	}

	static @Nullable String level(long used, long budget, AiProperties settings) {
		if (used * 100 > budget * (100L + settings.budgetBlockPercent())) {
			return "BLOCK";
		}
		if (used * 100 > budget * (100L + settings.budgetAlertPercent())) {
			return "ALERT";
		}
		return null;
	}

}
