package com.performanceos.rules.commissions.calculation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.performanceos.rules.commissions.calculation.CalculationInputs.CreditedDeal;
import com.performanceos.rules.engine.RuleEvaluationException;

/**
 * Plan eligibility for one calculation, evaluated once per plan version, stage, product, region and role when the
 * condition does not read the amounts. A CEL condition is first evaluated without {@code amount} and {@code arr}: an
 * unbound variable makes any evaluation that reads it unknown (or fail), except where {@code &&} or {@code ||} make its
 * value irrelevant, so a true or false obtained without them is the answer for every amount, and is remembered. A condition that needs them is
 * evaluated for each deal, as before. A million deals then cost a few dozen evaluations instead of a million.
 */
final class Eligibility {

	private record Key(UUID version, String stage, String product, String region, String role) {
	}

	/** The answer for a key, when it does not depend on the amounts; {@code null} marks a key whose condition reads them. */
	private final Map<Key, Boolean> known = new HashMap<>();

	boolean eligible(CalculationInputs.PlanVersion version, CreditedDeal deal, String role, BigDecimal amount, BigDecimal arr) {
		Key key = new Key(version.versionKey(), deal.stage(), deal.product(), deal.region(), role);
		if (known.containsKey(key)) {
			Boolean answer = known.get(key);
			if (answer != null) {
				return answer;
			}
			return evaluate(version, deal, role, amount, arr);
		}
		Object answer;
		try {
			answer = version.plan().eligibility().evaluate(variables(deal, role));
		}
		catch (RuleEvaluationException | IllegalArgumentException ex) {
			// Read an amount (CEL answers "unknown", or fails): the condition depends on them for this key.
			answer = null;
		}
		if (answer instanceof Boolean bool) {
			known.put(key, bool);
			return bool;
		}
		known.put(key, null);
		return evaluate(version, deal, role, amount, arr);
	}

	private static boolean evaluate(CalculationInputs.PlanVersion version, CreditedDeal deal, String role, BigDecimal amount, BigDecimal arr) {
		Map<String, Object> variables = variables(deal, role);
		variables.put("amount", amount.setScale(Calculator.AMOUNT_SCALE, RoundingMode.HALF_UP));
		variables.put("arr", arr.setScale(Calculator.AMOUNT_SCALE, RoundingMode.HALF_UP));
		return Boolean.TRUE.equals(version.plan().eligibility().evaluate(variables));
	}

	private static Map<String, Object> variables(CreditedDeal deal, String role) {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("stage", deal.stage());
		variables.put("product", deal.product());
		variables.put("region", deal.region());
		variables.put("role", role);
		return variables;
	}

}
