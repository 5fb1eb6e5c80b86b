package com.performanceos.rules.registry;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.performanceos.rules.engine.JsonValues;
import com.performanceos.rules.engine.RuleEvaluationException;
import com.performanceos.rules.engine.graphs.DecisionResolver;

/**
 * Evaluates versions. A version's content never changes (migration V40 refuses it), so its compiled form is cached
 * by its content digest and can never be stale: which version is in force is always read from PostgreSQL, never cached,
 * so a publication or rollback on one instance is what the next evaluation on any instance uses.
 */
@Component
class RuleEvaluator {

	/** The name of the compiled-version cache's metrics. */
	static final String CACHE_NAME = "rules.compiled";

	private final RuleCompiler compiler;

	private final RulesProperties limits;

	/**
	 * Compiled definitions by kind and SHA-256 of the text, not by version id: a rollback republishes an earlier
	 * version's definition as a new version, and every instance then finds it compiled already instead of compiling it
	 * again on the evaluation that first sees the rollback (which is what the rollback bench measured in its tail).
	 */
	private final Cache<String, CompiledRule> compiled;

	RuleEvaluator(RuleCompiler compiler, RulesProperties limits, MeterRegistry meters) {
		this.compiler = compiler;
		this.limits = limits;
		this.compiled = Caffeine.newBuilder().maximumSize(limits.compiledVersionsCached()).recordStats().build();
		CaffeineCacheMetrics.monitor(meters, this.compiled, CACHE_NAME);
	}

	/**
	 * One evaluation's outcome: the output and its canonical JSON text, or the typed failure.
	 * @param output the output (engine values), null on failure
	 * @param outputJson the output's canonical JSON (sorted keys, plain decimals): byte-identical for the same version and input
	 * @param trace rows matched, cells tested, nodes run, when asked for
	 * @param error the code and message of a failed evaluation
	 */
	record Result(@Nullable Object output, @Nullable String outputJson, @Nullable Object trace, @Nullable RulesError error) {
	}

	CompiledRule compiled(RuleVersion version) {
		return compiled.get(version.kind() + ":" + version.definitionSha256(),
				key -> compiler.compile(version.kind(), version.definitionText()));
	}

	/**
	 * Evaluates one input. The clock the rule sees ({@code date('now')}) is an input of the call, never the system
	 * clock.
	 */
	Result evaluate(RuleVersion version, @Nullable Object input, long nowEpochSeconds, boolean traced) {
		return evaluate(version, input, nowEpochSeconds, traced, DecisionResolver.NONE);
	}

	/** As {@link #evaluate(RuleVersion, Object, long, boolean)}, with a graph's sub-decisions resolved by {@code resolver}. */
	Result evaluate(RuleVersion version, @Nullable Object input, long nowEpochSeconds, boolean traced, DecisionResolver resolver) {
		CompiledRule rule = compiled(version);
		CompiledRule.Budget budget = new CompiledRule.Budget(limits.evaluationSteps(), limits.evaluationTimeout().toNanos(),
				nowEpochSeconds);
		try {
			CompiledRule.Evaluation evaluation = rule.evaluate(JsonValues.of(input), budget, traced, resolver);
			return new Result(evaluation.output(), JsonValues.write(evaluation.output()), evaluation.trace(), null);
		}
		catch (RuleEvaluationException ex) {
			return new Result(null, null, null, new RulesError(code(ex.code()), String.valueOf(ex.getMessage()), null));
		}
		catch (IllegalArgumentException ex) {
			// An input value that is not JSON-shaped, or of a type the rule cannot take.
			return new Result(null, null, null, new RulesError(RulesErrorCode.EVALUATION_ERROR, String.valueOf(ex.getMessage()), null));
		}
	}

	/**
	 * Runs a version's stored examples, each on the version's first day.
	 * @return one outcome per example, in order
	 */
	List<ExampleOutcome> runExamples(RuleVersion version) {
		return runExamples(version, DecisionResolver.NONE);
	}

	/** As {@link #runExamples(RuleVersion)}, with a graph's sub-decisions resolved on the version's first day. */
	List<ExampleOutcome> runExamples(RuleVersion version, DecisionResolver resolver) {
		List<ExampleOutcome> outcomes = new ArrayList<>();
		for (RuleExample example : version.examples()) {
			Result result = evaluate(version, example.input(), startOf(version.validFrom()), false, resolver);
			String expected = JsonValues.write(example.expectedOutput());
			boolean passed = result.error() == null && expected.equals(result.outputJson());
			outcomes.add(new ExampleOutcome(example, passed, result.output(), result.error() == null ? null : result.error().message()));
		}
		return outcomes;
	}

	/**
	 * The schema's {@code RuleExampleResult}.
	 * @param example the example run
	 * @param passed whether the output equals the expected output (canonical JSON text)
	 * @param actualOutput what the version gave
	 * @param error why the evaluation failed, when it did
	 */
	record ExampleOutcome(RuleExample example, boolean passed, @Nullable Object actualOutput, @Nullable String error) {

		// Public: GraphQL reads these like record components.
		public String name() {
			return example.name();
		}

		public @Nullable Object input() {
			return example.input();
		}

		public @Nullable Object expectedOutput() {
			return example.expectedOutput();
		}

	}

	static long startOf(LocalDate day) {
		return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
	}

	private static RulesErrorCode code(RuleEvaluationException.Code code) {
		return switch (code) {
			case STEP_LIMIT_EXCEEDED -> RulesErrorCode.STEP_LIMIT_EXCEEDED;
			case TIMEOUT -> RulesErrorCode.TIMEOUT;
			case EVALUATION_ERROR -> RulesErrorCode.EVALUATION_ERROR;
			case HIT_POLICY_VIOLATION -> RulesErrorCode.HIT_POLICY_VIOLATION;
			case UNRESOLVED_DECISION -> RulesErrorCode.UNRESOLVED_DECISION;
		};
	}

}
