package com.performanceos.rules.engine.tables;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.performanceos.rules.engine.JsonValues;
import com.performanceos.rules.engine.RuleEvaluationException;
import com.performanceos.rules.engine.zen.EvaluationContext;
import org.jspecify.annotations.Nullable;

/** DMN 1.5 hit policies: from the matching rules (in rule order) to the table's result. */
final class HitPolicies {

	private HitPolicies() {
	}

	static @Nullable Object apply(DecisionTable table, List<Integer> matched, @Nullable Object input, EvaluationContext context) {
		HitPolicy policy = table.definition().hitPolicy();
		return switch (policy) {
			case UNIQUE -> {
				if (matched.size() > 1) {
					throw violation("UNIQUE table '" + table.definition().name() + "': rules " + numbers(matched) + " all match");
				}
				yield matched.isEmpty() ? null : table.outputsOf(matched.getFirst(), input, context);
			}
			case ANY -> {
				Object first = matched.isEmpty() ? null : table.outputsOf(matched.getFirst(), input, context);
				for (int row : matched.subList(Math.min(1, matched.size()), matched.size())) {
					Object other = table.outputsOf(row, input, context);
					if (!JsonValues.write(first).equals(JsonValues.write(other))) {
						throw violation("ANY table '" + table.definition().name() + "': rules " + (matched.getFirst() + 1) + " and "
								+ (row + 1) + " match with different outputs");
					}
				}
				yield first;
			}
			case FIRST -> matched.isEmpty() ? null : table.outputsOf(matched.getFirst(), input, context);
			case PRIORITY -> matched.isEmpty() ? null
					: table.outputsOf(matched.stream().min(table.priority(input, context)).orElseThrow(), input, context);
			case RULE_ORDER, COLLECT -> outputs(table, matched, input, context);
			case OUTPUT_ORDER -> outputs(table, matched.stream().sorted(table.priority(input, context)).toList(), input, context);
			case COLLECT_COUNT -> BigDecimal.valueOf(matched.size());
			case COLLECT_SUM, COLLECT_MIN, COLLECT_MAX -> aggregate(policy, table, matched, input, context);
		};
	}

	private static List<@Nullable Object> outputs(DecisionTable table, List<Integer> rows, @Nullable Object input,
			EvaluationContext context) {
		List<@Nullable Object> outputs = new ArrayList<>(rows.size());
		for (int row : rows) {
			outputs.add(table.outputsOf(row, input, context));
		}
		return outputs;
	}

	/** FEEL's sum, min and max of an empty list are null; null outputs are skipped, as FEEL's functions would refuse them. */
	private static @Nullable Object aggregate(HitPolicy policy, DecisionTable table, List<Integer> matched, @Nullable Object input,
			EvaluationContext context) {
		Object result = null;
		for (int row : matched) {
			Object value = table.outputsOf(row, input, context);
			if (value == null) {
				continue;
			}
			if (result == null) {
				result = value;
				continue;
			}
			result = switch (policy) {
				case COLLECT_SUM -> number(result).add(number(value));
				case COLLECT_MIN -> compare(value, result) < 0 ? value : result;
				default -> compare(value, result) > 0 ? value : result;
			};
		}
		return result instanceof BigDecimal decimal ? JsonValues.normalize(decimal) : result;
	}

	private static int compare(Object a, Object b) {
		if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
			return x.compareTo(y);
		}
		if (a instanceof String x && b instanceof String y) {
			return x.compareTo(y);
		}
		throw new RuleEvaluationException(RuleEvaluationException.Code.EVALUATION_ERROR, "cannot order "
				+ JsonValues.write(a) + " and " + JsonValues.write(b));
	}

	private static BigDecimal number(Object value) {
		if (value instanceof BigDecimal decimal) {
			return decimal;
		}
		throw new RuleEvaluationException(RuleEvaluationException.Code.EVALUATION_ERROR, "C+ sums numbers, got " + JsonValues.write(value));
	}

	private static String numbers(List<Integer> rows) {
		return String.join(", ", rows.stream().map((row) -> String.valueOf(row + 1)).toList());
	}

	private static RuleEvaluationException violation(String message) {
		return new RuleEvaluationException(RuleEvaluationException.Code.HIT_POLICY_VIOLATION, message);
	}

}
