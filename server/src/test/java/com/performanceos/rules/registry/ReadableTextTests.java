package com.performanceos.rules.registry;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.performanceos.rules.engine.JsonValues;

import static org.assertj.core.api.Assertions.assertThat;

/** A version as a reader reads it, in English and in French. */
class ReadableTextTests {

	private static final String TABLE = JsonValues.write(JsonValues.of(Map.of("hitPolicy", "FIRST",
			"inputs", List.of(Map.of("name", "product", "expression", "product", "type", "STRING"),
					Map.of("name", "region", "expression", "region", "type", "STRING"),
					Map.of("name", "amount", "expression", "amount", "type", "NUMBER")),
			"outputs", List.of(Map.of("name", "rate", "type", "NUMBER", "values", List.of())),
			"rules", List.of(Map.of("inputEntries", List.of("\"X\"", "\"FR\"", ">= 10000"), "outputEntries", List.of("12")),
					Map.of("inputEntries", List.of("-", "-", "-"), "outputEntries", List.of("0"))))));

	@Test
	void aTableReadsRowByRowInEnglish() {
		assertThat(ReadableText.render(RuleKind.DECISION_TABLE, TABLE, ReadableText.Language.EN)).isEqualTo("""
				Hit policy: FIRST
				Row 1: IF product = "X" AND region = "FR" AND amount >= 10000 THEN rate = 12
				Row 2: ALWAYS THEN rate = 0""");
	}

	@Test
	void aTableReadsRowByRowInFrench() {
		assertThat(ReadableText.render(RuleKind.DECISION_TABLE, TABLE, ReadableText.Language.FR)).isEqualTo("""
				Politique de résultat : FIRST
				Ligne 1 : SI product = "X" ET region = "FR" ET amount >= 10000 ALORS rate = 12
				Ligne 2 : TOUJOURS ALORS rate = 0""");
	}

	@Test
	void anExpressionNamesItsTypedInputs() {
		String expression = JsonValues.write(JsonValues.of(Map.of("expression", "amount >= 100", "variables", Map.of("amount", "MONEY"),
				"resultType", "BOOL")));
		assertThat(ReadableText.render(RuleKind.EXPRESSION, expression, ReadableText.Language.EN))
			.isEqualTo("Expression returning BOOL over amount (MONEY): amount >= 100");
		assertThat(ReadableText.render(RuleKind.EXPRESSION, expression, ReadableText.Language.FR))
			.isEqualTo("Expression de type BOOL sur amount (MONEY) : amount >= 100");
	}

}
