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

import com.performanceos.platform.digest.Sha256;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.rules.engine.JsonValues;
import com.performanceos.rules.engine.graphs.DecisionResolver;

/** The registry's reads and evaluations, always in the viewer's tenant. */
@Service
class RuleQueries {

	private final TenantDatabase database;

	private final RuleStore store;

	private final RuleEvaluator evaluator;

	private final RulesProperties limits;

	private final RulesGovernanceProperties governance;

	private final SubDecisions subDecisions;

	private final EvaluationLog evaluationLog;

	RuleQueries(TenantDatabase database, RuleStore store, RuleEvaluator evaluator, RulesProperties limits,
			RulesGovernanceProperties governance, SubDecisions subDecisions, EvaluationLog evaluationLog) {
		this.subDecisions = subDecisions;
		this.evaluationLog = evaluationLog;
		this.governance = governance;
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

	Mono<DutySeparation> dutySeparation(Viewer viewer) {
		return database.inTransaction(viewer.tenant(), db -> store.dutySeparation(db)).defaultIfEmpty(governance.defaultSeparation());
	}

	/** A page of one rule's versions, by number; the cursor is the version number. */
	Mono<Connection<RuleVersion>> versionPage(Viewer viewer, UUID ruleKey, PageRequest page) {
		Integer after = page.cursorKey() == null ? null : versionNumber(page.cursorKey());
		return database.inTransaction(viewer.tenant(), db -> store.versionPage(db, ruleKey, page, after)
			.zipWith(store.versionCountOfRule(db, ruleKey),
					(found, total) -> Connection.fromKeyset(page, found, version -> Integer.toString(version.number()), total)));
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
		return database.inTransaction(viewer.tenant(), db -> (input.versionNumber() != null
				? store.versionByNumber(db, rule.get(), input.versionNumber())
				: store.inForce(db, rule.get(), asOf))
				.flatMap(version -> {
					// A version asked for by number sees its own first day as the clock unless a day is given.
					LocalDate day = input.asOf() != null || input.versionNumber() == null ? asOf : version.validFrom();
					long now = input.clock() != null ? input.clock().toEpochSecond() : RuleEvaluator.startOf(day);
					return subDecisions.resolver(db, version, day, now).map(resolver -> new Resolved(version, day, now, resolver));
				}))
			.publishOn(Schedulers.parallel())
			.flatMap(resolved -> {
				boolean traced = Boolean.TRUE.equals(input.trace());
				List<RuleEvaluator.Result> results = new ArrayList<>(input.inputs().size());
				long started = System.nanoTime();
				for (Object each : input.inputs()) {
					results.add(evaluator.evaluate(resolved.version(), each, resolved.now(), traced, resolved.resolver()));
				}
				long micros = (System.nanoTime() - started) / 1_000;
				EvaluateRule.Payload payload = new EvaluateRule.Payload(resolved.version(), resolved.day(), results, List.of());
				// Answered only once recorded (queued for the writer): no evaluation leaves the server unrecorded.
				return evaluationLog.record(record(viewer, resolved, input.inputs(), results, micros)).thenReturn(payload);
			})
			.switchIfEmpty(Mono.fromSupplier(() -> input.versionNumber() != null
					? EvaluateRule.Payload.failed(RulesErrorCode.VERSION_NOT_FOUND, "The rule has no version " + input.versionNumber()
							+ " (or no such rule)", "input", "versionNumber")
					: EvaluateRule.Payload.failed(RulesErrorCode.NO_VERSION_IN_FORCE, "No published version of the rule is in force on "
							+ asOf + " (or no such rule)", "input", "asOf")));
	}

	/** {@code ruleDiff}: two versions of a rule by number, compared. */
	Mono<RuleDiff.Payload> diff(Viewer viewer, String ruleId, int fromVersion, int toVersion) {
		Optional<UUID> rule = GlobalId.decode(ruleId, Rule.TYPE_NAME);
		if (rule.isEmpty()) {
			return Mono.just(RuleDiff.Payload.failed(RulesErrorCode.RULE_NOT_FOUND, "No rule with this id", "ruleId"));
		}
		return database.inTransaction(viewer.tenant(), db -> store.versionByNumber(db, rule.get(), fromVersion)
				.map(Optional::of).defaultIfEmpty(Optional.empty())
				.zipWith(store.versionByNumber(db, rule.get(), toVersion).map(Optional::of).defaultIfEmpty(Optional.empty())))
			.map(found -> {
				if (found.getT1().isEmpty() || found.getT2().isEmpty()) {
					String field = found.getT1().isEmpty() ? "fromVersion" : "toVersion";
					int number = found.getT1().isEmpty() ? fromVersion : toVersion;
					return RuleDiff.Payload.failed(RulesErrorCode.VERSION_NOT_FOUND, "The rule has no version " + number + " (or no such rule)",
							field);
				}
				RuleVersion from = found.getT1().get();
				RuleVersion to = found.getT2().get();
				return new RuleDiff.Payload(from, to, RuleDiff.between(from.kind(), from.definitionText(), to.definitionText()), List.of());
			});
	}

	private EvaluationLog.Entry record(Viewer viewer, Resolved resolved, List<Object> inputs, List<RuleEvaluator.Result> results,
			long micros) {
		StringBuilder outputs = new StringBuilder("[");
		int errors = 0;
		for (RuleEvaluator.Result result : results) {
			outputs.append(outputs.length() > 1 ? "," : "");
			if (result.error() != null) {
				errors++;
				outputs.append("{\"error\":\"").append(result.error().code().name()).append("\"}");
			}
			else {
				outputs.append("{\"output\":").append(result.outputJson()).append('}');
			}
		}
		String outputJson = outputs.append(']').toString();
		RuleVersion version = resolved.version();
		return new EvaluationLog.Entry(viewer.tenant(), version.ruleKey(), version.key(), version.number(), inputs.size(),
				Sha256.hex(canonical(inputs)), Sha256.hex(outputJson),
				outputJson.length() <= governance.evaluationLogOutputStoredMax().toBytes() ? outputJson : null, errors, micros,
				viewer.subject(), resolved.day(), Instant.now());
	}

	/** The inputs as canonical JSON; an input the engine refused as not JSON-shaped is digested as printed. */
	private static String canonical(List<Object> inputs) {
		try {
			return JsonValues.write(JsonValues.of(inputs));
		}
		catch (IllegalArgumentException ex) {
			return String.valueOf(inputs);
		}
	}

	/** {@code ruleEvaluations}: a rule's recorded evaluations, oldest first, paged forward by sequence. */
	Mono<Connection<RuleEvaluationRecord>> evaluations(Viewer viewer, String ruleId, @Nullable Integer versionNumber,
			@Nullable Instant from, @Nullable Instant to, PageRequest page) {
		if (!page.forward()) {
			throw new GraphQlException(ErrorCode.BAD_USER_INPUT, "ruleEvaluations pages forward only (first and after)");
		}
		Optional<UUID> rule = GlobalId.decode(ruleId, Rule.TYPE_NAME);
		Long after = page.cursorKey() == null ? null : parseSequence(page.cursorKey());
		if (rule.isEmpty()) {
			return Mono.just(Connection.fromKeyset(page, List.of(), record -> "", 0));
		}
		return database.inTransaction(viewer.tenant(), db -> store.evaluations(db, rule.get(), versionNumber, from, to, after, page.size() + 1))
			.map(found -> Connection.fromKeyset(page, found, record -> Long.toString(record.sequence()),
					Math.min(found.size(), page.size())));
	}

	/** A version to evaluate with the day and clock it sees and its sub-decisions resolved for that day. */
	private record Resolved(RuleVersion version, LocalDate day, long now, DecisionResolver resolver) {
	}

	Mono<EvaluateRule.TestPayload> test(Viewer viewer, String versionId) {
		Optional<UUID> key = GlobalId.decode(versionId, RuleVersion.TYPE_NAME);
		if (key.isEmpty()) {
			return Mono.just(testNotFound());
		}
		return database.inTransaction(viewer.tenant(), db -> store.version(db, key.get(), false)
				.flatMap(version -> subDecisions.resolver(db, version, version.validFrom(), RuleEvaluator.startOf(version.validFrom()))
					.map(resolver -> new Resolved(version, version.validFrom(), RuleEvaluator.startOf(version.validFrom()), resolver))))
			.publishOn(Schedulers.parallel())
			.map(resolved -> {
				RuleVersion version = resolved.version();
				List<RuleEvaluator.ExampleOutcome> outcomes = evaluator.runExamples(version, resolved.resolver());
				return new EvaluateRule.TestPayload(version, outcomes.stream().allMatch(RuleEvaluator.ExampleOutcome::passed), outcomes,
						List.of());
			})
			.switchIfEmpty(Mono.fromSupplier(RuleQueries::testNotFound));
	}

	private static EvaluateRule.TestPayload testNotFound() {
		return new EvaluateRule.TestPayload(null, false, List.of(),
				List.of(new RulesError(RulesErrorCode.VERSION_NOT_FOUND, "No version with this id", List.of("versionId"))));
	}

	private static int versionNumber(String cursor) {
		long number = parseSequence(cursor);
		if (number < 0 || number > Integer.MAX_VALUE) {
			throw new GraphQlException(ErrorCode.BAD_USER_INPUT, "Not a cursor of this connection");
		}
		return (int) number;
	}

	private static long parseSequence(String cursor) {
		try {
			return Long.parseLong(cursor);
		}
		catch (NumberFormatException ex) {
			throw new GraphQlException(ErrorCode.BAD_USER_INPUT, "Not a cursor of this connection");
		}
	}

	private static <T> Map<UUID, T> byKey(List<T> found, java.util.function.Function<T, UUID> key) {
		Map<UUID, T> map = new LinkedHashMap<>();
		found.forEach(each -> map.put(key.apply(each), each));
		return map;
	}

}
