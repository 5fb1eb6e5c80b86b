package com.performanceos.rules.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;

/** The registry's reads and evaluations, always in the viewer's tenant. */
@Service
class RuleQueries {

	private final TenantDatabase database;

	private final RuleStore store;

	private final RuleEvaluator evaluator;

	private final RulesProperties limits;

	RuleQueries(TenantDatabase database, RuleStore store, RuleEvaluator evaluator, RulesProperties limits) {
		this.database = database;
		this.store = store;
		this.evaluator = evaluator;
		this.limits = limits;
	}

	Mono<Connection<Rule>> rules(Viewer viewer, PageRequest page) {
		return database.inTransaction(viewer.tenant(), db -> store.rulePage(db, page)
			.zipWith(store.ruleCount(db), (found, total) -> Connection.fromKeyset(page, found, Rule::name, total)));
	}

	Mono<Map<UUID, Rule>> rules(Viewer viewer, Collection<UUID> keys) {
		return database.inTransaction(viewer.tenant(), db -> store.rules(db, keys)).map(found -> byKey(found, Rule::key));
	}

	Mono<Map<UUID, RuleVersion>> versions(Viewer viewer, Collection<UUID> keys) {
		return database.inTransaction(viewer.tenant(), db -> store.versions(db, keys)).map(found -> byKey(found, RuleVersion::key));
	}

	Mono<Map<UUID, List<RuleVersion>>> versionsOfRules(Viewer viewer, Collection<UUID> ruleKeys) {
		return database.inTransaction(viewer.tenant(), db -> store.versionsOfRules(db, ruleKeys)).map(found -> {
			Map<UUID, List<RuleVersion>> byRule = new LinkedHashMap<>();
			found.forEach(version -> byRule.computeIfAbsent(version.ruleKey(), key -> new ArrayList<>()).add(version));
			return byRule;
		});
	}

	Mono<Connection<RuleHistoryEntry>> history(Viewer viewer, String ruleId, @Nullable Instant from, @Nullable Instant to,
			PageRequest page) {
		if (!page.forward()) {
			throw new GraphQlException(ErrorCode.BAD_USER_INPUT, "ruleHistory pages forward only (first and after)");
		}
		Optional<UUID> rule = GlobalId.decode(ruleId, Rule.TYPE_NAME);
		Long after = page.cursorKey() == null ? null : parseSequence(page.cursorKey());
		if (rule.isEmpty()) {
			return Mono.just(Connection.fromKeyset(page, List.of(), entry -> "", 0));
		}
		return database.inTransaction(viewer.tenant(), db -> store.history(db, rule.get(), from, to, after, page.size() + 1))
			.map(found -> Connection.fromKeyset(page, found, entry -> Long.toString(entry.sequence()), found.size()));
	}

	Mono<EvaluateRule.Payload> evaluate(Viewer viewer, EvaluateRule.Input input) {
		if (input.inputs().isEmpty() || input.inputs().size() > limits.batchSizeMax()) {
			return Mono.just(EvaluateRule.Payload.failed(RulesErrorCode.LIMIT_EXCEEDED,
					"Give 1 to " + limits.batchSizeMax() + " inputs per call (got " + input.inputs().size() + ")", "input", "inputs"));
		}
		Optional<UUID> rule = GlobalId.decode(input.ruleId(), Rule.TYPE_NAME);
		if (rule.isEmpty()) {
			return Mono.just(EvaluateRule.Payload.failed(RulesErrorCode.RULE_NOT_FOUND, "No rule with this id", "input", "ruleId"));
		}
		LocalDate asOf = input.asOf() != null ? input.asOf() : LocalDate.now(ZoneOffset.UTC);
		return database.inTransaction(viewer.tenant(), db -> input.versionNumber() != null
				? store.versionByNumber(db, rule.get(), input.versionNumber())
				: store.inForce(db, rule.get(), asOf))
			.publishOn(Schedulers.parallel())
			.map(version -> {
				// A version asked for by number sees its own first day as the clock unless a day is given.
				LocalDate day = input.asOf() != null || input.versionNumber() == null ? asOf : version.validFrom();
				long now = input.clock() != null ? input.clock().toEpochSecond() : RuleEvaluator.startOf(day);
				boolean traced = Boolean.TRUE.equals(input.trace());
				List<RuleEvaluator.Result> results = new ArrayList<>(input.inputs().size());
				for (Object each : input.inputs()) {
					results.add(evaluator.evaluate(version, each, now, traced));
				}
				return new EvaluateRule.Payload(version, day, results, List.of());
			})
			.switchIfEmpty(Mono.fromSupplier(() -> input.versionNumber() != null
					? EvaluateRule.Payload.failed(RulesErrorCode.VERSION_NOT_FOUND, "The rule has no version " + input.versionNumber()
							+ " (or no such rule)", "input", "versionNumber")
					: EvaluateRule.Payload.failed(RulesErrorCode.NO_VERSION_IN_FORCE, "No published version of the rule is in force on "
							+ asOf + " (or no such rule)", "input", "asOf")));
	}

	Mono<EvaluateRule.TestPayload> test(Viewer viewer, String versionId) {
		Optional<UUID> key = GlobalId.decode(versionId, RuleVersion.TYPE_NAME);
		if (key.isEmpty()) {
			return Mono.just(testNotFound());
		}
		return database.inTransaction(viewer.tenant(), db -> store.version(db, key.get(), false))
			.publishOn(Schedulers.parallel())
			.map(version -> {
				List<RuleEvaluator.ExampleOutcome> outcomes = evaluator.runExamples(version);
				return new EvaluateRule.TestPayload(version, outcomes.stream().allMatch(RuleEvaluator.ExampleOutcome::passed), outcomes,
						List.of());
			})
			.switchIfEmpty(Mono.fromSupplier(RuleQueries::testNotFound));
	}

	private static EvaluateRule.TestPayload testNotFound() {
		return new EvaluateRule.TestPayload(null, false, List.of(),
				List.of(new RulesError(RulesErrorCode.VERSION_NOT_FOUND, "No version with this id", List.of("versionId"))));
	}

	private static long parseSequence(String cursor) {
		try {
			return Long.parseLong(cursor);
		}
		catch (NumberFormatException ex) {
			throw new GraphQlException(ErrorCode.BAD_USER_INPUT, "Not a cursor of ruleHistory");
		}
	}

	private static <T> Map<UUID, T> byKey(List<T> found, java.util.function.Function<T, UUID> key) {
		Map<UUID, T> map = new LinkedHashMap<>();
		found.forEach(each -> map.put(key.apply(each), each));
		return map;
	}

}
