package com.performanceos.rules.engine.zen;

import java.util.Map;

import com.performanceos.rules.engine.RuleEvaluationException;
import org.jspecify.annotations.Nullable;

/**
 * What one evaluation sees: the input, the {@code $} reference, the {@code #} element of the
 * closure being run, and a step budget shared by everything evaluated under it.
 */
final class Scope {

	final @Nullable Object environment;

	@Nullable Object dollar;

	@Nullable Object hash;

	final @Nullable Map<String, @Nullable Object> nodes;

	final EvaluationContext context;

	Scope(@Nullable Object environment, @Nullable Object dollar, @Nullable Map<String, @Nullable Object> nodes,
			EvaluationContext context) {
		this.environment = environment;
		this.dollar = dollar;
		this.nodes = nodes;
		this.context = context;
	}

	void step() {
		this.context.step();
	}

	static RuleEvaluationException error(String message) {
		return new RuleEvaluationException(RuleEvaluationException.Code.EVALUATION_ERROR, message);
	}

}
