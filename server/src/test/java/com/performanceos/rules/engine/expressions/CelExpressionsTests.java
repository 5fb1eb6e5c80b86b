package com.performanceos.rules.engine.expressions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.performanceos.rules.engine.JsonValues;
import com.performanceos.rules.engine.RuleDefinitionException;
import com.performanceos.rules.engine.RuleEvaluationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CelExpressionsTests {

	private static final Map<String, VariableType> DEAL = Map.of("amount", VariableType.MONEY, "stage", VariableType.STRING,
			"seats", VariableType.INT, "products", VariableType.STRING_LIST, "renewal", VariableType.BOOL);

	@Test
	void evaluatesAFiveClauseEligibilityCondition() {
		CompiledExpression eligible = CelExpressions.compile(
				"stage == 'CLOSED_WON' && amount >= 1000000 && seats > 5 && 'ARR' in products && !renewal", DEAL,
				VariableType.BOOL);
		Map<String, Object> deal = Map.of("amount", new BigDecimal("10000.00"), "stage", "CLOSED_WON", "seats",
				BigDecimal.TEN, "products", List.of("ARR", "SERVICES"), "renewal", false);
		assertThat(eligible.evaluate(deal)).isEqualTo(true);
		assertThat(eligible.evaluate(Map.of("amount", new BigDecimal("9999.99"), "stage", "CLOSED_WON", "seats",
				BigDecimal.TEN, "products", List.of("ARR"), "renewal", false))).isEqualTo(false);
	}

	@Test
	void moneyIsExactCents() {
		CompiledExpression total = CelExpressions.compile("amount + amount + amount", DEAL, VariableType.MONEY);
		Object result = total.evaluate(Map.of("amount", new BigDecimal("0.10")));
		assertThat(JsonValues.write(result)).isEqualTo("0.3");
	}

	@Test
	void refusesComparingAnAmountWithAStringWithLineColumnAndToken() {
		assertThatThrownBy(() -> CelExpressions.compile("seats > 0 &&\n  amount > \"10\"", DEAL, VariableType.BOOL))
			.isInstanceOfSatisfying(RuleDefinitionException.class, (ex) -> {
				assertThat(ex.problems()).hasSize(1);
				assertThat(ex.problems().getFirst().location()).isEqualTo("line 2, column 10");
				assertThat(ex.problems().getFirst().message()).contains("no matching overload").contains("(at '>')");
			});
	}

	@Test
	void refusesAnUndeclaredInputAndAWrongResultType() {
		assertThatThrownBy(() -> CelExpressions.compile("quota > 0", DEAL, VariableType.BOOL))
			.isInstanceOf(RuleDefinitionException.class)
			.hasMessageContaining("line 1, column 1")
			.hasMessageContaining("quota");
		assertThatThrownBy(() -> CelExpressions.compile("seats + 1", DEAL, VariableType.BOOL))
			.isInstanceOf(RuleDefinitionException.class);
	}

	@Test
	void refusesFloatingPointAnywhere() {
		assertThatThrownBy(() -> CelExpressions.compile("double(seats) * 1.5 > 10.0", DEAL, VariableType.BOOL))
			.isInstanceOf(RuleDefinitionException.class)
			.hasMessageContaining("floating-point");
	}

	@Test
	void aRunawayExpressionHitsTheStepLimitWithATypedError() {
		List<String> many = new ArrayList<>();
		for (int i = 0; i < 1_000; i++) {
			many.add("p" + i);
		}
		CompiledExpression runaway = CelExpressions.compile(
				"products.all(a, products.all(b, products.all(c, a + b + c != '')))", DEAL, VariableType.BOOL);
		long started = System.nanoTime();
		assertThatThrownBy(() -> runaway.evaluate(Map.of("products", many)))
			.isInstanceOfSatisfying(RuleEvaluationException.class,
					(ex) -> assertThat(ex.code()).as(ex.getMessage()).isEqualTo(RuleEvaluationException.Code.STEP_LIMIT_EXCEEDED));
		assertThat(System.nanoTime() - started).as("stopped early, not after a billion steps").isLessThan(5_000_000_000L);
	}

	@Test
	void aMistypedInputIsATypedEvaluationError() {
		CompiledExpression big = CelExpressions.compile("amount > 100", DEAL, VariableType.BOOL);
		assertThatThrownBy(() -> big.evaluate(Map.of("amount", new BigDecimal("1.005"))))
			.isInstanceOfSatisfying(RuleEvaluationException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(RuleEvaluationException.Code.EVALUATION_ERROR))
			.hasMessageContaining("at most two decimals");
	}

	@Test
	void theSameInputGivesByteIdenticalOutput() {
		CompiledExpression commission = CelExpressions.compile("amount * 12 / 100 + (seats > 5 ? 5000 : 0)", DEAL,
				VariableType.MONEY);
		Map<String, Object> deal = Map.of("amount", new BigDecimal("130000.00"), "seats", BigDecimal.valueOf(8));
		String first = JsonValues.write(commission.evaluate(deal));
		String second = JsonValues.write(commission.evaluate(deal));
		assertThat(first).isEqualTo(second).isEqualTo("15650");
	}

}
