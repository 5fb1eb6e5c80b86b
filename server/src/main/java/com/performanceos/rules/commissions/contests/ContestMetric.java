package com.performanceos.rules.commissions.contests;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

import com.performanceos.rules.engine.expressions.CelExpressions;
import com.performanceos.rules.engine.expressions.CompiledExpression;
import com.performanceos.rules.engine.expressions.VariableType;
import com.performanceos.rules.sales.Deal;

/**
 * A contest's metric: a CEL expression of the rules engine over one deal, answering its points as a MONEY value (for
 * instance {@code stage == 'CLOSED_WON' && product == 'NewBiz' ? arr : 0}). A rep scores the points of each deal times
 * their share of its credit.
 */
final class ContestMetric {

	/** What the expression may read of a deal; amounts are MONEY (cents inside the expression). */
	static final Map<String, VariableType> VARIABLES = variables();

	private ContestMetric() {
	}

	/** Compiles and type-checks the expression; a {@code RuleDefinitionException} names what is wrong. */
	static CompiledExpression compile(String source) {
		return CelExpressions.compile(source, VARIABLES, VariableType.MONEY);
	}

	static BigDecimal points(CompiledExpression metric, Deal deal) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("stage", deal.stage().name());
		values.put("product", deal.product());
		values.put("region", deal.region());
		values.put("owner", deal.rep());
		values.put("amount", deal.amount().amount().setScale(2, RoundingMode.HALF_UP));
		values.put("arr", deal.arr().amount().setScale(2, RoundingMode.HALF_UP));
		Object result = metric.evaluate(values);
		return result instanceof BigDecimal decimal ? decimal : BigDecimal.ZERO;
	}

	private static Map<String, VariableType> variables() {
		Map<String, VariableType> variables = new LinkedHashMap<>();
		variables.put("stage", VariableType.STRING);
		variables.put("product", VariableType.STRING);
		variables.put("region", VariableType.STRING);
		variables.put("owner", VariableType.STRING);
		variables.put("amount", VariableType.MONEY);
		variables.put("arr", VariableType.MONEY);
		return Map.copyOf(variables);
	}

}
