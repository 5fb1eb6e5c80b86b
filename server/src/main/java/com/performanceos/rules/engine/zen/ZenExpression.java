package com.performanceos.rules.engine.zen;

import java.util.Map;

import com.performanceos.rules.engine.RuleDefinitionException;
import org.jspecify.annotations.Nullable;

/**
 * A compiled ZEN expression (the language of GoRules JDM expression nodes, table outputs and
 * switch conditions). Parse once, keep the object, evaluate many times; it is immutable and
 * safe to share between threads.
 *
 * @see <a href="https://gorules.io/docs/rules-engine/expression-language">ZEN expression language</a>
 */
public final class ZenExpression {

	private final String source;

	private final Ast.Node root;

	private ZenExpression(String source, Ast.Node root) {
		this.source = source;
		this.root = root;
	}

	/**
	 * Parses an expression.
	 * @throws RuleDefinitionException with the line and column of the first syntax error, or when
	 * the expression calls an unknown function
	 */
	public static ZenExpression compile(String source) {
		return new ZenExpression(source, Parser.parse(source));
	}

	public String source() {
		return this.source;
	}

	/** Whether the expression is a single literal ({@code 12}, {@code "FR"}, {@code true}, {@code null}). */
	public boolean isLiteral() {
		return this.root instanceof Ast.Literal;
	}

	/** The literal's value when {@link #isLiteral()}, null otherwise. */
	public @Nullable Object literalValue() {
		return this.root instanceof Ast.Literal(Object value) ? value : null;
	}

	/**
	 * Evaluates against an input.
	 * @param environment the object whose fields are the expression's root names
	 * @param dollar what {@code $} means here (the output built so far, or a table column's value)
	 * @param nodes what {@code $nodes} means here (the outputs of earlier graph nodes by name)
	 * @throws com.performanceos.rules.engine.RuleEvaluationException on a type error or a limit
	 */
	public @Nullable Object evaluate(@Nullable Object environment, @Nullable Object dollar,
			@Nullable Map<String, @Nullable Object> nodes, EvaluationContext context) {
		return this.root.eval(new Scope(environment, dollar, nodes, context));
	}

	/** Evaluates with no {@code $} and no {@code $nodes}. */
	public @Nullable Object evaluate(@Nullable Object environment, EvaluationContext context) {
		return evaluate(environment, null, null, context);
	}

	@Override
	public String toString() {
		return this.source;
	}

}
