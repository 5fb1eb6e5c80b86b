package com.performanceos.rules.engine.tables;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.performanceos.rules.engine.JsonValues;
import com.performanceos.rules.engine.RuleDefinitionException;
import com.performanceos.rules.engine.tables.TableDefinition.InputColumn;
import com.performanceos.rules.engine.tables.TableDefinition.OutputColumn;
import com.performanceos.rules.engine.tables.TableDefinition.Rule;
import com.performanceos.rules.engine.zen.EvaluationContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecisionTableTests {

	private static final EvaluationContext CONTEXT = EvaluationContext.at(0);

	static TableDefinition bands(String... amountCells) {
		return new TableDefinition("bands", HitPolicy.UNIQUE, List.of(new InputColumn("Amount", "deal.amount", ColumnType.NUMBER)),
				List.of(new OutputColumn("band", ColumnType.STRING, List.of())),
				Arrays.stream(amountCells).map((cell) -> new Rule(List.of(cell), List.of("\"" + cell + "\""), null)).toList());
	}

	@Test
	void everyCellIsParsedAndTypeCheckedAtBuildWithItsRowAndColumn() {
		TableDefinition broken = new TableDefinition("broken", HitPolicy.FIRST,
				List.of(new InputColumn("Amount", "amount", ColumnType.NUMBER), new InputColumn("Region", "region", ColumnType.STRING)),
				List.of(new OutputColumn("rate", ColumnType.NUMBER, List.of())),
				List.of(new Rule(List.of("\"FR\"", "-"), List.of("10"), null), new Rule(List.of("[1..", "[1..5]"), List.of("\"x\""), null)));
		assertThatThrownBy(() -> DecisionTable.build(broken)).isInstanceOfSatisfying(RuleDefinitionException.class,
				(ex) -> assertThat(ex.problems()).extracting(RuleDefinitionException.Problem::location)
					.containsExactly("row 1, column 'Amount'", "row 2, column 'Amount'", "row 2, column 'Region'", "row 2, output 'rate'"));
	}

	@Test
	void gapsAreWarningsWithAnInputThatFallsThrough() {
		DecisionTable table = DecisionTable.build(bands("< 1000", "[1000..5000)", "> 5000"));
		assertThat(table.warnings()).extracting(RuleDefinitionException.Problem::message)
			.containsExactly("no rule matches the input {\"deal\":{\"amount\":5000}}");
		assertThat(DecisionTable.build(bands("< 1000", "[1000..5000)", ">= 5000")).warnings()).isEmpty();
	}

	@Test
	void openAndClosedBoundsDecideWhichRowMatches() {
		DecisionTable table = DecisionTable.build(bands("(0..10]", "(10..20)", "[20..30]"));
		assertThat(band(table, "10")).isEqualTo("\"(0..10]\"");
		assertThat(band(table, "10.01")).isEqualTo("\"(10..20)\"");
		assertThat(band(table, "20")).isEqualTo("\"[20..30]\"");
		assertThat(band(table, "0")).isEqualTo("null");
	}

	@Test
	void theTraceShowsEachCellAndTheMatchedRules() {
		DecisionTable table = DecisionTable.build(HitPolicyTests.rates(HitPolicy.FIRST));
		DecisionTable.Result result = table.evaluateTraced(JsonValues.of(HitPolicyTests.deal("12000", "US")), CONTEXT);
		assertThat(result.trace()).hasSize(4);
		assertThat(result.trace().get(0).cells()).containsExactly(true, false);
		assertThat(result.trace().get(0).matched()).isFalse();
		assertThat(result.trace().get(1).cells()).containsExactly(true, true);
		assertThat(result.trace().get(1).matched()).isTrue();
		assertThat(JsonValues.write(result.trace().get(1).outputs())).isEqualTo("5");
		assertThat(result.trace().get(2).cells()).containsExactly(false, null);
		assertThat(JsonValues.write(result.output())).isEqualTo("5");
	}

	@Test
	void theSameInputGivesByteIdenticalOutput() {
		DecisionTable table = DecisionTable.build(HitPolicyTests.rates(HitPolicy.RULE_ORDER));
		Object input = JsonValues.parse("{\"deal\":{\"amount\":30000.50,\"region\":\"FR\"}}");
		String first = JsonValues.write(table.evaluate(input, CONTEXT).output());
		String second = JsonValues.write(table.evaluate(JsonValues.parse("{\"deal\":{\"region\":\"FR\",\"amount\":30000.5}}"), CONTEXT).output());
		assertThat(first).isEqualTo(second).isEqualTo("[10,5,12,15]");
	}

	@Test
	void csvExportThenImportGivesTheSameTable() {
		TableDefinition rates = HitPolicyTests.rates(HitPolicy.PRIORITY);
		String csv = TableCsv.export(rates);
		assertThat(csv).startsWith("hitPolicy,PRIORITY,name,rates\r\n"
				+ "input:Amount:NUMBER:deal.amount,input:Region:STRING:deal.region,output:rate:NUMBER:15|12|10|5,description\r\n"
				+ ">= 10000,\"\"\"FR\"\"\",10,\r\n");
		TableDefinition imported = TableCsv.parse(csv);
		assertThat(imported).isEqualTo(rates);
		assertThat(band(DecisionTable.build(imported), "30000", "FR")).isEqualTo("15");
	}

	@Test
	void csvWithAMissingCellIsRefusedNamingTheLine() {
		String csv = "hitPolicy,FIRST,name,t\ninput:A:NUMBER:a,output:r:NUMBER\n> 1,2\n> 2\n";
		assertThatThrownBy(() -> TableCsv.parse(csv)).isInstanceOf(RuleDefinitionException.class).hasMessageContaining("line 4");
	}

	private static String band(DecisionTable table, String amount) {
		return JsonValues.write(table.evaluate(Map.of("deal", Map.of("amount", new BigDecimal(amount))), CONTEXT).output());
	}

	private static String band(DecisionTable table, String amount, String region) {
		return JsonValues.write(table.evaluate(JsonValues.of(HitPolicyTests.deal(amount, region)), CONTEXT).output());
	}

}
