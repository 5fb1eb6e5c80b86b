package com.performanceos.rules.engine.expressions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.performanceos.rules.engine.JsonValues;
import com.performanceos.rules.engine.RuleEvaluationException;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelEvaluationListener;
import dev.cel.runtime.CelRuntime;
import org.jspecify.annotations.Nullable;

/**
 * A type-checked CEL program, compiled once per rule version and kept by the caller. Immutable
 * and thread-safe. Each evaluation runs under a step budget and a deadline: a runaway expression
 * fails with {@code STEP_LIMIT_EXCEEDED} or {@code TIMEOUT}, never holds a thread.
 */
public final class CompiledExpression {

	/** Default budget: each evaluated sub-expression is one step. */
	public static final long DEFAULT_STEP_LIMIT = 100_000;

	/** Default deadline for one evaluation. */
	public static final long DEFAULT_TIMEOUT_NANOS = 100_000_000L;

	private final String source;

	private final Map<String, VariableType> variables;

	private final VariableType resultType;

	private final CelRuntime.Program program;

	CompiledExpression(String source, Map<String, VariableType> variables, VariableType resultType, CelRuntime.Program program) {
		this.source = source;
		this.variables = variables;
		this.resultType = resultType;
		this.program = program;
	}

	public String source() {
		return this.source;
	}

	public Map<String, VariableType> variables() {
		return this.variables;
	}

	public VariableType resultType() {
		return this.resultType;
	}

	/** Evaluates with the default step limit and deadline. */
	public @Nullable Object evaluate(Map<String, ?> input) {
		return evaluate(input, DEFAULT_STEP_LIMIT, DEFAULT_TIMEOUT_NANOS);
	}

	/**
	 * Evaluates against engine values ({@link JsonValues}): MONEY inputs are decimals with at most
	 * two places, results come back as engine values (MONEY as a decimal, INT as a decimal).
	 * @throws RuleEvaluationException a missing or mistyped input, an error in the expression
	 * (division by zero, overflow), or a limit reached
	 */
	public @Nullable Object evaluate(Map<String, ?> input, long stepLimit, long timeoutNanos) {
		Map<String, Object> activation = new HashMap<>(this.variables.size() * 2);
		// An absent input is left unbound: reading it fails the evaluation, not reading it is fine.
		this.variables.forEach((name, type) -> {
			Object value = input.get(name);
			if (value != null) {
				activation.put(name, toCel(name, type, value));
			}
		});
		Budget budget = new Budget(stepLimit, System.nanoTime() + timeoutNanos);
		try {
			return fromCel(this.program.trace(activation, budget), this.resultType);
		}
		catch (LimitReached ex) {
			throw ex.failure;
		}
		catch (CelEvaluationException ex) {
			for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
				if (cause instanceof LimitReached limit) {
					throw limit.failure;
				}
			}
			String message = String.valueOf(ex.getMessage());
			if (message.contains("budget exceeded")) {
				// CEL's own bound on comprehension iterations: the same failure as our step budget.
				throw new RuleEvaluationException(RuleEvaluationException.Code.STEP_LIMIT_EXCEEDED, message, ex);
			}
			throw new RuleEvaluationException(RuleEvaluationException.Code.EVALUATION_ERROR, message, ex);
		}
	}

	private static Object toCel(String name, VariableType type, @Nullable Object value) {
		Object json = JsonValues.of(value);
		return switch (type) {
			case BOOL -> {
				if (json instanceof Boolean bool) {
					yield bool;
				}
				throw mistyped(name, type, json);
			}
			case STRING -> {
				if (json instanceof String string) {
					yield string;
				}
				throw mistyped(name, type, json);
			}
			case INT -> {
				if (json instanceof BigDecimal number && number.scale() <= 0) {
					yield longValue(name, number);
				}
				throw mistyped(name, type, json);
			}
			case MONEY -> {
				if (json instanceof BigDecimal number && number.scale() <= 2) {
					yield longValue(name, number.movePointRight(2));
				}
				throw mistyped(name, type, json);
			}
			case STRING_LIST -> {
				if (json instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
					yield list;
				}
				throw mistyped(name, type, json);
			}
		};
	}

	private static long longValue(String name, BigDecimal number) {
		try {
			return number.longValueExact();
		}
		catch (ArithmeticException ex) {
			throw new RuleEvaluationException(RuleEvaluationException.Code.EVALUATION_ERROR, "input '" + name + "' is out of range");
		}
	}

	private static RuleEvaluationException mistyped(String name, VariableType type, @Nullable Object value) {
		String given = value == null ? "nothing" : JsonValues.write(value);
		return new RuleEvaluationException(RuleEvaluationException.Code.EVALUATION_ERROR,
				"input '" + name + "' must be " + type + (type == VariableType.MONEY ? " (at most two decimals)" : "") + ", got " + given);
	}

	private static @Nullable Object fromCel(@Nullable Object value, VariableType type) {
		if (type == VariableType.MONEY && value instanceof Long cents) {
			return JsonValues.normalize(BigDecimal.valueOf(cents, 2));
		}
		return fromCel(value);
	}

	private static @Nullable Object fromCel(@Nullable Object value) {
		return switch (value) {
			case null -> null;
			case Long number -> BigDecimal.valueOf(number);
			case Boolean bool -> bool;
			case String string -> string;
			case List<?> list -> {
				List<@Nullable Object> copy = new ArrayList<>(list.size());
				list.forEach((element) -> copy.add(fromCel(element)));
				yield copy;
			}
			case Map<?, ?> map -> {
				Map<String, @Nullable Object> copy = new LinkedHashMap<>();
				map.forEach((key, element) -> copy.put(String.valueOf(key), fromCel(element)));
				yield copy;
			}
			default -> JsonValues.of(value);
		};
	}

	/** Counts evaluated sub-expressions; CEL calls it for each, so it bounds comprehensions too. */
	private static final class Budget implements CelEvaluationListener {

		private final long stepLimit;

		private final long deadlineNanos;

		private long steps;

		Budget(long stepLimit, long deadlineNanos) {
			this.stepLimit = stepLimit;
			this.deadlineNanos = deadlineNanos;
		}

		@Override
		public void callback(dev.cel.common.ast.CelExpr expr, Object result) {
			long taken = ++this.steps;
			if (taken > this.stepLimit) {
				throw new LimitReached(new RuleEvaluationException(RuleEvaluationException.Code.STEP_LIMIT_EXCEEDED,
						"expression stopped after " + this.stepLimit + " steps"));
			}
			if ((taken & 255) == 0 && System.nanoTime() - this.deadlineNanos > 0) {
				throw new LimitReached(new RuleEvaluationException(RuleEvaluationException.Code.TIMEOUT,
						"expression ran past its deadline"));
			}
		}

	}

	/** Carries a limit failure out through CEL's interpreter, which may wrap what it catches. */
	private static final class LimitReached extends RuntimeException {

		private final RuleEvaluationException failure;

		LimitReached(RuleEvaluationException failure) {
			super(failure.getMessage(), null, false, false);
			this.failure = failure;
		}

	}

}
