package com.performanceos.rules.engine.zen;

import java.util.Map;

import com.performanceos.rules.engine.JsonValues;
import com.performanceos.rules.engine.RuleDefinitionException;
import com.performanceos.rules.engine.RuleEvaluationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZenExpressionTests {

	private static final EvaluationContext CONTEXT = EvaluationContext.at(1_755_622_502L);

	private static String eval(String expression, String input) {
		return JsonValues.write(ZenExpression.compile(expression).evaluate(JsonValues.parse(input), CONTEXT));
	}

	@Test
	void decimalArithmeticIsExact() {
		assertThat(eval("0.1 + 0.2 == 0.3", "{}")).isEqualTo("true");
		assertThat(eval("a * 1.1", "{\"a\": 3}")).isEqualTo("3.3");
		assertThat(eval("10 / 4", "{}")).isEqualTo("2.5");
		assertThat(eval("round(2.5) + round(-2.5) + round(1.005, 2)", "{}")).isEqualTo("1.01");
	}

	@Test
	void missingFieldsAreNullAndCoalesce() {
		assertThat(eval("a.b.c", "{}")).isEqualTo("null");
		assertThat(eval("a.b ?? 'none'", "{\"a\": {}}")).isEqualTo("\"none\"");
	}

	@Test
	void closuresTemplatesAndObjects() {
		assertThat(eval("sum(map(items, #.amount)) > 10 ? `big ${len(items)}` : 'small'",
				"{\"items\": [{\"amount\": 6}, {\"amount\": 5}]}")).isEqualTo("\"big 2\"");
		assertThat(eval("{ total: sum(filter([1, 2, 3, 4], # % 2 == 0)), 'ok': some([1, 2], # > 1) }", "{}"))
			.isEqualTo("{\"ok\":true,\"total\":6}");
		assertThat(eval("x in [1..5) and y not in ['a', 'b']", "{\"x\": 1, \"y\": \"c\"}")).isEqualTo("true");
	}

	@Test
	void datesReadTheContextClockNeverTheSystemClock() {
		assertThat(eval("date('now')", "{}")).isEqualTo("1755622502");
		assertThat(eval("date('2025-03-20T08:30:00Z') - date('2025-03-20')", "{}")).isEqualTo("30600");
		assertThat(eval("time('22:00')", "{}")).isEqualTo("79200");
	}

	@Test
	void unaryTestsFollowZenAndFeel() {
		assertThat(ZenUnaryTest.compile("\"A\", \"B\"").test("B", null, null, CONTEXT)).isTrue();
		assertThat(ZenUnaryTest.compile("[10000..50000)").test(JsonValues.of(50000), null, null, CONTEXT)).isFalse();
		assertThat(ZenUnaryTest.compile("> 13 and < 15").test(JsonValues.of(14), null, null, CONTEXT)).isTrue();
		assertThat(ZenUnaryTest.compile("not(\"US\", \"CA\")").test("FR", null, null, CONTEXT)).isTrue();
		assertThat(ZenUnaryTest.compile("not(\"US\", \"CA\")").test("CA", null, null, CONTEXT)).isFalse();
		assertThat(ZenUnaryTest.compile("startsWith($, '85')").test("8517", null, null, CONTEXT)).isTrue();
		assertThat(ZenUnaryTest.compile("['gold']").test("gold", null, null, CONTEXT)).isTrue();
		assertThat(ZenUnaryTest.compile("-").test(null, null, null, CONTEXT)).isTrue();
	}

	@Test
	void syntaxErrorsCarryLineAndColumnAndUnknownFunctionsAreRefused() {
		assertThatThrownBy(() -> ZenExpression.compile("a +\n  * 2")).isInstanceOf(RuleDefinitionException.class)
			.hasMessageContaining("line 2, column 3");
		assertThatThrownBy(() -> ZenExpression.compile("rand(10)")).isInstanceOf(RuleDefinitionException.class)
			.hasMessageContaining("unknown function rand");
	}

	@Test
	void aRunawayEvaluationHitsTheStepLimit() {
		ZenExpression runaway = ZenExpression.compile("count(xs, count(xs, count(xs, # > 0) > 0) > 0)");
		Object input = JsonValues.of(Map.of("xs", java.util.Collections.nCopies(1_000, 1)));
		assertThatThrownBy(() -> runaway.evaluate(input, new EvaluationContext(0, 100_000, 1_000_000_000L)))
			.isInstanceOfSatisfying(RuleEvaluationException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(RuleEvaluationException.Code.STEP_LIMIT_EXCEEDED));
	}

}
