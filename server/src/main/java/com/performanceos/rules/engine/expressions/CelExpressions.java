package com.performanceos.rules.engine.expressions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.performanceos.rules.engine.RuleDefinitionException;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

/**
 * Compiles CEL expressions against declared, typed inputs. Compilation type-checks: an expression
 * that compares an int with a string, reads an undeclared name or produces a floating-point value
 * is refused with the line, column and offending token. The compiled form is kept by the caller
 * (one per rule version) and evaluated many times.
 *
 * <p>CEL has no I/O, no clock and no side effects; the standard library is all there is, so an
 * expression cannot reach outside its inputs. See ADR 0008.
 */
public final class CelExpressions {

	/** Longer sources are refused: bounds parse time and memory. */
	public static final int SOURCE_LENGTH_MAX = 10_000;

	/** A comprehension ({@code all}, {@code exists}, {@code map}, {@code filter}) iterates at most this much. */
	static final int COMPREHENSION_ITERATIONS_MAX = 10_000;

	private static final CelOptions OPTIONS = CelOptions.current()
		.comprehensionMaxIterations(COMPREHENSION_ITERATIONS_MAX)
		.maxParseRecursionDepth(100)
		.enableHeterogeneousNumericComparisons(false)
		.build();

	private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();

	private CelExpressions() {
	}

	/**
	 * Parses and type-checks an expression.
	 * @param variables the inputs it may read, with their types
	 * @param resultType what it must produce
	 * @throws RuleDefinitionException one problem per error, located {@code line L, column C}
	 */
	public static CompiledExpression compile(String source, Map<String, VariableType> variables, VariableType resultType) {
		if (source.length() > SOURCE_LENGTH_MAX) {
			throw RuleDefinitionException.of("expression", "longer than " + SOURCE_LENGTH_MAX + " characters");
		}
		CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
			.setOptions(OPTIONS)
			.setStandardMacros(CelStandardMacro.STANDARD_MACROS)
			.setResultType(resultType.celType());
		variables.forEach((name, type) -> builder.addVar(name, type.celType()));
		CelCompiler compiler = builder.build();
		CelValidationResult result = compiler.compile(source);
		if (result.hasError()) {
			throw refused(source, result.getErrors());
		}
		try {
			CelAbstractSyntaxTree ast = result.getAst();
			refuseFloatingPoint(source, ast);
			CelRuntime.Program program = RUNTIME.createProgram(ast);
			return new CompiledExpression(source, Map.copyOf(variables), resultType, program);
		}
		catch (CelValidationException | CelEvaluationException ex) {
			throw RuleDefinitionException.of("expression", ex.getMessage());
		}
	}

	/**
	 * Doubles are refused anywhere in the expression, not only in its result: {@code 0.1 + 0.2}
	 * is not {@code 0.3} in binary floating point, and money must be exact.
	 */
	private static void refuseFloatingPoint(String source, CelAbstractSyntaxTree ast) {
		ast.getTypeMap().entrySet().stream()
			.filter((entry) -> entry.getValue().equals(SimpleType.DOUBLE))
			.map(Map.Entry::getKey)
			.sorted()
			.findFirst()
			.ifPresent((exprId) -> {
				int offset = ast.getSource().getPositionsMap().getOrDefault(exprId, 0);
				throw new RuleDefinitionException(List.of(new RuleDefinitionException.Problem(location(source, offset),
						"floating-point values are not allowed (found at '" + token(source, offset)
								+ "'); use MONEY for amounts, or int")));
			});
	}

	private static RuleDefinitionException refused(String source, List<CelIssue> issues) {
		List<RuleDefinitionException.Problem> problems = new ArrayList<>();
		for (CelIssue issue : issues) {
			int line = issue.getSourceLocation().getLine();
			int column = issue.getSourceLocation().getColumn();
			int offset = offset(source, line, column);
			String message = issue.getMessage();
			problems.add(new RuleDefinitionException.Problem("line " + Math.max(line, 1) + ", column " + (column + 1),
					message + " (at '" + token(source, offset) + "')"));
		}
		return new RuleDefinitionException(problems);
	}

	private static int offset(String source, int line, int column) {
		int offset = 0;
		for (int current = 1; current < line && offset < source.length(); offset++) {
			if (source.charAt(offset) == '\n') {
				current++;
			}
		}
		return Math.min(offset + Math.max(column, 0), source.length());
	}

	private static String location(String source, int offset) {
		int line = 1;
		int column = 1;
		for (int i = 0; i < offset && i < source.length(); i++) {
			if (source.charAt(i) == '\n') {
				line++;
				column = 1;
			}
			else {
				column++;
			}
		}
		return "line " + line + ", column " + column;
	}

	/** The token starting at an offset: a name or number, a string literal, or an operator. */
	static String token(String source, int offset) {
		if (offset >= source.length()) {
			return "<end>";
		}
		char first = source.charAt(offset);
		int end = offset + 1;
		if (Character.isLetterOrDigit(first) || first == '_' || first == '.') {
			while (end < source.length() && (Character.isLetterOrDigit(source.charAt(end)) || source.charAt(end) == '_'
					|| source.charAt(end) == '.')) {
				end++;
			}
		}
		else if (first == '"' || first == '\'') {
			while (end < source.length() && source.charAt(end) != first) {
				end++;
			}
			end = Math.min(end + 1, source.length());
		}
		else {
			while (end < source.length() && "=<>!&|".indexOf(source.charAt(end)) >= 0) {
				end++;
			}
		}
		return source.substring(offset, end);
	}

}
