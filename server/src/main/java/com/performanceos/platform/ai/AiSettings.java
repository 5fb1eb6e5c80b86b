package com.performanceos.platform.ai;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.platform.tenancy.TenantTransaction;

/** The tenant's AI usage report and its settings mutations (module switches, monthly budget), on the mutation template. */
@Component
class AiSettings {

	/** Largest monthly budget accepted. */
	static final long MONTHLY_TOKENS_MAX = 1_000_000_000_000L;

	/** The schema's {@code AiUsage}. */
	record Usage(LocalDate month, boolean configured, String model, long tokensUsed, @Nullable Long monthlyTokens,
			List<String> thresholdsCrossed, long queued, List<AiLedger.Usage> lines, List<ModuleSetting> modules) {
	}

	/** The schema's {@code AiModuleSetting}. */
	record ModuleSetting(AiModule module, boolean enabled) {
	}

	/** The schema's {@code AiError} for the settings mutations (codes of the schema's {@code AiErrorCode}). */
	record Error(String code, String message, @Nullable List<String> field) {
	}

	/** The schema's {@code AiSettingsPayload}. */
	record Payload(@Nullable Usage usage, List<Error> userErrors) {
	}

	private final TenantDatabase database;

	private final Mutations mutations;

	private final AiLedger ledger;

	private final AiQueue queue;

	private final AiClient client;

	AiSettings(TenantDatabase database, Mutations mutations, AiLedger ledger, AiQueue queue, AiClient client) {
		this.database = database;
		this.mutations = mutations;
		this.ledger = ledger;
		this.queue = queue;
		this.client = client;
	}

	Mono<Usage> usage(String tenant, @Nullable LocalDate day) {
		LocalDate month = day == null ? AiLedger.monthOf(Instant.now()) : day.withDayOfMonth(1);
		return database.run(tenant, tx -> usage(tx, month));
	}

	private Mono<Usage> usage(TenantTransaction tx, LocalDate month) {
		return Mono.zip(ledger.usage(tx, month), ledger.budget(tx).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()),
				ledger.crossedLevels(tx, month), queue.queuedCount(tx), ledger.modules(tx))
			.map(all -> new Usage(month, client.configured(), client.model(),
					all.getT1().stream().mapToLong(line -> line.promptTokens() + line.completionTokens()).sum(), all.getT2().orElse(null),
					all.getT3(), all.getT4(), all.getT1(),
					all.getT5().entrySet().stream().map(entry -> new ModuleSetting(entry.getKey(), entry.getValue())).toList()));
	}

	Mono<Payload> setModule(Viewer viewer, AiModule module, boolean enabled, @Nullable String sourceAddress) {
		return mutations.once(viewer.tenant(), tx -> ledger.setModule(tx, module, enabled, viewer.subject())
			.then(usage(tx, AiLedger.monthOf(Instant.now())))
			.map(usage -> Outcome.committed(new Payload(usage, List.of()), new AuditEntry(viewer.subject(), "ai.module.set", "AiModule", null,
					sourceAddress, null, Map.of("module", module.name(), "enabled", enabled)))));
	}

	Mono<Payload> setBudget(Viewer viewer, long monthlyTokens, @Nullable String sourceAddress) {
		if (monthlyTokens < 1 || monthlyTokens > MONTHLY_TOKENS_MAX) {
			return Mono.just(new Payload(null, List.of(new Error("INVALID_INPUT", "monthlyTokens must be 1 to " + MONTHLY_TOKENS_MAX,
					List.of("input", "monthlyTokens")))));
		}
		return mutations.once(viewer.tenant(), tx -> ledger.setBudget(tx, monthlyTokens, viewer.subject())
			.then(usage(tx, AiLedger.monthOf(Instant.now())))
			.map(usage -> Outcome.committed(new Payload(usage, List.of()), new AuditEntry(viewer.subject(), "ai.budget.set", "AiBudget", null,
					sourceAddress, null, Map.of("monthlyTokens", monthlyTokens)))));
	}

}
