package com.performanceos.rules.registry;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.rules.engine.graphs.Decision;
import com.performanceos.rules.engine.graphs.DecisionResolver;
import com.performanceos.rules.engine.graphs.JdmGraph;

/**
 * Sub-decision nodes calling other rules of the registry by name. Before an evaluation the calls are resolved, level
 * by level (one query per level), to the version of each called rule in force on the evaluated day; the engine then
 * runs without touching the database. At publication a graph is refused when its calls name no rule, or when they
 * would close a circle through any published version of the rules they reach.
 */
@Component
class SubDecisions {

	/**
	 * Levels of calls resolved before an evaluation: the engine's own nesting limit, so a deeper call fails with
	 * {@code UNRESOLVED_DECISION} naming the depth.
	 */
	static final int LEVELS_MAX = 5;

	/** The most rules a cycle check visits: far above any real model, and a bound on the check's cost. */
	static final int RULES_VISITED_MAX = 1_000;

	private final RuleStore store;

	private final RuleEvaluator evaluator;

	private final RulesProperties limits;

	SubDecisions(RuleStore store, RuleEvaluator evaluator, RulesProperties limits) {
		this.store = store;
		this.evaluator = evaluator;
		this.limits = limits;
	}

	/** The rules a version calls directly, by name; none unless it is a graph with sub-decision nodes. */
	Set<String> calls(RuleVersion version) {
		return calls(evaluator.compiled(version));
	}

	private static Set<String> calls(CompiledRule compiled) {
		return compiled instanceof CompiledRule.Graph graph ? graph.graph().decisionKeys() : Set.of();
	}

	/** A resolver for the versions in force on {@code day} of every rule {@code version} reaches by its calls. */
	Mono<DecisionResolver> resolver(DatabaseClient db, RuleVersion version, LocalDate day, long nowEpochSeconds) {
		Set<String> calls = calls(version);
		if (calls.isEmpty()) {
			return Mono.just(DecisionResolver.NONE);
		}
		CompiledRule.Budget budget = new CompiledRule.Budget(limits.evaluationSteps(), limits.evaluationTimeout().toNanos(),
				nowEpochSeconds);
		return closure(db, calls, day, new LinkedHashMap<>(), 1).map(versions -> {
			Map<String, CompiledRule> compiled = new HashMap<>();
			versions.forEach((name, called) -> compiled.put(name, evaluator.compiled(called)));
			return new RegistryResolver(versions, compiled, budget);
		});
	}

	private Mono<Map<String, RuleVersion>> closure(DatabaseClient db, Set<String> names, LocalDate day, Map<String, RuleVersion> found,
			int level) {
		return store.inForceByName(db, names, day).flatMap(versions -> {
			found.putAll(versions);
			Set<String> next = new LinkedHashSet<>();
			versions.values().forEach(called -> next.addAll(calls(called)));
			next.removeAll(found.keySet());
			return next.isEmpty() || level >= LEVELS_MAX ? Mono.just(found) : closure(db, next, day, found, level + 1);
		});
	}

	/**
	 * Why {@code version} of the rule {@code ruleName} may not be published: a call naming no rule
	 * ({@code UNRESOLVED_DECISION}), or a circle of calls back to the rule through the published versions of the rules
	 * it reaches ({@code SUB_DECISION_CYCLE}, naming the circle). Empty when it may.
	 */
	Mono<RulesError> publicationRefusal(DatabaseClient db, String ruleName, RuleVersion version) {
		Set<String> calls = calls(version);
		if (calls.isEmpty()) {
			return Mono.empty();
		}
		Map<String, Set<String>> edges = new LinkedHashMap<>();
		edges.put(ruleName, calls);
		return explore(db, calls, edges).flatMap(explored -> {
			for (String call : calls) {
				if (!explored.containsKey(call)) {
					return Mono.just(new RulesError(RulesErrorCode.UNRESOLVED_DECISION,
							"A sub-decision calls '" + call + "', which names no rule of the tenant", List.of("input", "versionId")));
				}
			}
			List<String> circle = circle(ruleName, explored);
			return circle == null ? Mono.empty() : Mono.just(new RulesError(RulesErrorCode.SUB_DECISION_CYCLE,
					"Sub-decisions would call each other in a circle: " + String.join(" → ", circle), List.of("input", "versionId")));
		});
	}

	/** Loads, level by level, which rules each reached rule's published versions call; unknown names stay absent. */
	private Mono<Map<String, Set<String>>> explore(DatabaseClient db, Set<String> names, Map<String, Set<String>> edges) {
		return store.publishedByName(db, names).flatMap(byName -> {
			Set<String> next = new LinkedHashSet<>();
			byName.forEach((name, versions) -> {
				Set<String> calls = new LinkedHashSet<>();
				versions.forEach(published -> calls.addAll(calls(published)));
				edges.putIfAbsent(name, calls);
				next.addAll(calls);
			});
			next.removeAll(edges.keySet());
			return next.isEmpty() || edges.size() >= RULES_VISITED_MAX ? Mono.just(edges) : explore(db, next, edges);
		});
	}

	/** The first circle from {@code start} back to it, as the names along it, or null. */
	static @Nullable List<String> circle(String start, Map<String, Set<String>> edges) {
		Deque<List<String>> paths = new ArrayDeque<>();
		paths.add(List.of(start));
		Set<String> seen = new LinkedHashSet<>();
		while (!paths.isEmpty()) {
			List<String> path = paths.poll();
			for (String next : edges.getOrDefault(path.getLast(), Set.of())) {
				List<String> longer = new ArrayList<>(path);
				longer.add(next);
				if (next.equals(start)) {
					return longer;
				}
				if (seen.add(next)) {
					paths.add(longer);
				}
			}
		}
		return null;
	}

	/** The resolved versions: the engine asks by name, the trace says which version answered. */
	private record RegistryResolver(Map<String, RuleVersion> versions, Map<String, CompiledRule> compiled, CompiledRule.Budget budget)
			implements DecisionResolver {

		@Override
		public @Nullable JdmGraph resolve(String key) {
			return compiled.get(key) instanceof CompiledRule.Graph graph ? graph.graph() : null;
		}

		@Override
		public @Nullable Decision decision(String key) {
			CompiledRule rule = compiled.get(key);
			return rule == null ? null : rule.asDecision(budget);
		}

		@Override
		public @Nullable Object describe(String key) {
			RuleVersion version = versions.get(key);
			if (version == null) {
				return null;
			}
			Map<String, @Nullable Object> described = new LinkedHashMap<>();
			described.put("rule", key);
			described.put("version", version.number());
			described.put("versionId", version.id());
			described.put("definitionSha256", version.definitionSha256());
			return described;
		}

	}

}
