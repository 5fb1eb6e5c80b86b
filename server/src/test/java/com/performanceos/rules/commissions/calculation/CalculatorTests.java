package com.performanceos.rules.commissions.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.performanceos.rules.commissions.calculation.CalculationInputs.Carry;
import com.performanceos.rules.commissions.calculation.CalculationInputs.Clawback;
import com.performanceos.rules.commissions.calculation.CalculationInputs.CreditedDeal;
import com.performanceos.rules.commissions.calculation.CalculationInputs.PlanVersion;
import com.performanceos.rules.commissions.calculation.CalculationInputs.Split;
import com.performanceos.rules.commissions.calculation.CalculationResult.LineKind;
import com.performanceos.rules.commissions.calculation.CalculationResult.RepTotal;
import com.performanceos.rules.commissions.plans.PlanDefinitions;
import com.performanceos.rules.engine.JsonValues;

import static org.assertj.core.api.Assertions.assertThat;

class CalculatorTests {

	private static final Currency EUR = Currency.getInstance("EUR");

	private static final YearMonth MARCH = YearMonth.of(2026, 3);

	private final Calculator calculator = new Calculator();

	static String plan(String method, String extra) {
		return """
				{"currency": "EUR", "eligibility": "stage == 'CLOSED_WON'",
				 "tiers": {"method": "%s", "bands": [{"name": "Base", "fromAttainmentPercent": 0, "ratePercent": 10},
				                                    {"name": "Accelerator", "fromAttainmentPercent": 100, "ratePercent": 15}]}%s}"""
			.formatted(method, extra);
	}

	static PlanVersion version(String definition) {
		return new PlanVersion(UUID.nameUUIDFromBytes(definition.getBytes()), "UnVsZVZlcnNpb246MQ", "AE plan", 1, "sha", PlanDefinitions.read(definition));
	}

	static CreditedDeal deal(String ref, String owner, String amount, LocalDate closed, Split... splits) {
		return new CreditedDeal(UUID.nameUUIDFromBytes(ref.getBytes()), ref, owner, "Pro", "FR", "CLOSED_WON", closed, new BigDecimal(amount),
				new BigDecimal(amount), EUR, List.of(splits), "import:1");
	}

	private static CalculationInputs inputs(YearMonth period, Map<String, PlanVersion> plans, Map<String, BigDecimal> quotas,
			List<CreditedDeal> deals, CalculationInputs.Hierarchy hierarchy, List<Clawback> clawbacks, Map<String, Carry> carries) {
		return new CalculationInputs(period, plans, quotas, Map.of(), deals, hierarchy, clawbacks, carries);
	}

	private static RepTotal total(CalculationResult result, String rep) {
		return result.totals().stream().filter(total -> total.rep().equals(rep)).findFirst().orElseThrow();
	}

	@Test
	void theWorkedExamplePays14500GraduatedAnd19500Retroactive() {
		for (var expected : Map.of("GRADUATED", "14500.00", "RETROACTIVE", "19500.00").entrySet()) {
			CalculationResult result = calculator.calculate(inputs(MARCH, Map.of("ana", version(plan(expected.getKey(), ""))),
					Map.of("ana", new BigDecimal("100000")), List.of(deal("D1", "ana", "130000", LocalDate.of(2026, 3, 10))), (rep, day) -> List.of(),
					List.of(), Map.of()));
			assertThat(result.lines()).singleElement().satisfies(line -> {
				assertThat(line.amount()).isEqualByComparingTo(expected.getValue());
				assertThat(line.tier()).isEqualTo(2);
				String trace = JsonValues.write(JsonValues.of(line.trace()));
				assertThat(trace).contains("\"name\":\"Accelerator\"").contains("\"method\":\"" + expected.getKey() + "\"");
				if (expected.getKey().equals("GRADUATED")) {
					assertThat(trace).contains("\"name\":\"Base\"");
				}
			});
			assertThat(total(result, "ana").payable()).isEqualByComparingTo(expected.getValue());
			assertThat(total(result, "ana").attainmentPercent()).isEqualByComparingTo("130");
		}
	}

	@Test
	void graduatedSlicesSpanDealsInCloseOrder() {
		CalculationResult result = calculator.calculate(inputs(MARCH, Map.of("ana", version(plan("GRADUATED", ""))),
				Map.of("ana", new BigDecimal("100000")), List.of(deal("D1", "ana", "80000", LocalDate.of(2026, 3, 1)),
						deal("D2", "ana", "50000", LocalDate.of(2026, 3, 2))), (rep, day) -> List.of(), List.of(), Map.of()));
		// 80,000 × 10 % = 8,000; then 20,000 × 10 % + 30,000 × 15 % = 6,500.
		assertThat(result.lines()).extracting(line -> line.amount().toPlainString()).containsExactly("8000.00", "6500.00");
		assertThat(result.lines()).extracting(CalculationResult.Line::tier).containsExactly(1, 2);
	}

	@Test
	void splitsCreditBothRepsAndRollUpIsKeptApartFromCredit() {
		PlanVersion plan = version(plan("GRADUATED", ", \"rollUp\": {\"ratePercent\": 1}"));
		CalculationResult result = calculator.calculate(inputs(MARCH, Map.of("ana", plan, "bob", plan, "max", plan),
				Map.of("ana", new BigDecimal("100000"), "bob", new BigDecimal("100000")),
				List.of(deal("D1", "ana", "50000", LocalDate.of(2026, 3, 10), new Split("ana", new BigDecimal("60")),
						new Split("bob", new BigDecimal("40")))),
				(rep, day) -> List.of("max"), List.of(), Map.of()));
		assertThat(total(result, "ana").credited()).isEqualByComparingTo("30000");
		assertThat(total(result, "bob").credited()).isEqualByComparingTo("20000");
		assertThat(total(result, "max").credited()).isEqualByComparingTo("0");
		assertThat(total(result, "max").rollUpCredited()).isEqualByComparingTo("50000");
		assertThat(total(result, "max").payable()).isEqualByComparingTo("500");
		BigDecimal credited = result.totals().stream().map(RepTotal::credited).reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(credited).as("each deal counted once in credited bookings").isEqualByComparingTo("50000");
		assertThat(result.lines()).filteredOn(line -> line.kind() == LineKind.ROLLUP).hasSize(2);
	}

	@Test
	void aCapLimitsThePeriodsEarnings() {
		CalculationResult result = calculator.calculate(inputs(MARCH, Map.of("ana", version(plan("RETROACTIVE", ", \"capPerPeriod\": 15000"))),
				Map.of("ana", new BigDecimal("100000")), List.of(deal("D1", "ana", "130000", LocalDate.of(2026, 3, 10))), (rep, day) -> List.of(),
				List.of(), Map.of()));
		RepTotal ana = total(result, "ana");
		assertThat(ana.gross()).isEqualByComparingTo("19500");
		assertThat(ana.capAdjustment()).isEqualByComparingTo("-4500");
		assertThat(ana.payable()).isEqualByComparingTo("15000");
	}

	@Test
	void aClawbackIsNettedAcrossTwoPeriodsWithTheRemainderCarriedForward() {
		PlanVersion plan = version(plan("GRADUATED", ", \"clawbackWindowDays\": 90"));
		// April: D1 (closed 10 March, paid 5,000) is cancelled on 20 April; April earns 3,000 → nothing paid, 2,000 carried.
		CalculationResult april = calculator.calculate(inputs(YearMonth.of(2026, 4), Map.of("ana", plan), Map.of("ana", new BigDecimal("100000")),
				List.of(deal("D2", "ana", "30000", LocalDate.of(2026, 4, 5))), (rep, day) -> List.of(),
				List.of(new Clawback(UUID.randomUUID(), "D1", "ana", LocalDate.of(2026, 3, 10), LocalDate.of(2026, 4, 20), new BigDecimal("5000"))),
				Map.of()));
		RepTotal ana = total(april, "ana");
		assertThat(ana.gross()).isEqualByComparingTo("3000");
		assertThat(ana.clawback()).isEqualByComparingTo("5000");
		assertThat(ana.payable()).isEqualByComparingTo("0");
		assertThat(ana.clawbackCarryOut()).isEqualByComparingTo("2000");
		assertThat(april.lines()).filteredOn(line -> line.kind() == LineKind.CLAWBACK).singleElement()
			.satisfies(line -> assertThat(line.amount()).isEqualByComparingTo("-5000"));
		// May: earns 4,000 → 2,000 paid after the carried 2,000.
		CalculationResult may = calculator.calculate(inputs(YearMonth.of(2026, 5), Map.of("ana", plan), Map.of("ana", new BigDecimal("100000")),
				List.of(deal("D3", "ana", "40000", LocalDate.of(2026, 5, 5))), (rep, day) -> List.of(), List.of(),
				Map.of("ana", new Carry(ana.clawbackCarryOut(), BigDecimal.ZERO))));
		assertThat(total(may, "ana").payable()).isEqualByComparingTo("2000");
		assertThat(total(may, "ana").clawbackCarryOut()).isEqualByComparingTo("0");
	}

	@Test
	void aCancellationOutsideTheWindowIsNotClawedBack() {
		PlanVersion plan = version(plan("GRADUATED", ", \"clawbackWindowDays\": 30"));
		CalculationResult result = calculator.calculate(inputs(YearMonth.of(2026, 5), Map.of("ana", plan), Map.of(), List.of(),
				(rep, day) -> List.of(),
				List.of(new Clawback(UUID.randomUUID(), "D1", "ana", LocalDate.of(2026, 3, 10), LocalDate.of(2026, 5, 2), new BigDecimal("5000"))),
				Map.of()));
		assertThat(result.lines()).isEmpty();
		assertThat(total(result, "ana").clawback()).isEqualByComparingTo("0");
	}

	@Test
	void aRecoverableDrawIsAdvancedThenRecoveredFromTheNextPeriod() {
		PlanVersion plan = version(plan("GRADUATED", ", \"draw\": {\"amountPerPeriod\": 3000, \"recoverable\": true}"));
		// March earns 1,000: the draw tops it up to 3,000 and 2,000 is to recover.
		CalculationResult march = calculator.calculate(inputs(MARCH, Map.of("ana", plan), Map.of("ana", new BigDecimal("100000")),
				List.of(deal("D1", "ana", "10000", LocalDate.of(2026, 3, 10))), (rep, day) -> List.of(), List.of(), Map.of()));
		RepTotal ana = total(march, "ana");
		assertThat(ana.drawPaid()).isEqualByComparingTo("2000");
		assertThat(ana.payable()).isEqualByComparingTo("3000");
		assertThat(ana.drawBalanceOut()).isEqualByComparingTo("2000");
		// April earns 8,000: 2,000 recovered from what is above the 3,000 draw, 6,000 paid.
		CalculationResult april = calculator.calculate(inputs(YearMonth.of(2026, 4), Map.of("ana", plan), Map.of("ana", new BigDecimal("100000")),
				List.of(deal("D2", "ana", "80000", LocalDate.of(2026, 4, 10))), (rep, day) -> List.of(), List.of(),
				Map.of("ana", new Carry(BigDecimal.ZERO, ana.drawBalanceOut()))));
		assertThat(total(april, "ana").drawRecovered()).isEqualByComparingTo("2000");
		assertThat(total(april, "ana").payable()).isEqualByComparingTo("6000");
		assertThat(total(april, "ana").drawBalanceOut()).isEqualByComparingTo("0");
	}

	@Test
	void baseRatesByRoleAndProductScaledByTierMultipliers() {
		String definition = """
				{"currency": "EUR", "eligibility": "stage == 'CLOSED_WON' && amount >= 100000",
				 "baseRates": [{"role": "AE", "product": "Pro", "region": "*", "ratePercent": 12}, {"role": "*", "product": "*", "region": "*", "ratePercent": 10}],
				 "tiers": {"method": "GRADUATED", "bands": [{"fromAttainmentPercent": 0, "multiplierPercent": 100},
				                                           {"fromAttainmentPercent": 100, "multiplierPercent": 150}]}}""";
		CalculationResult result = calculator.calculate(new CalculationInputs(MARCH, Map.of("ana", version(definition)),
				Map.of("ana", new BigDecimal("10000")), Map.of("ana", "AE"),
				List.of(deal("D1", "ana", "20000", LocalDate.of(2026, 3, 1)), deal("D0", "ana", "500", LocalDate.of(2026, 3, 2))),
				(rep, day) -> List.of(), List.of(), Map.of()));
		// 10,000 × 12 % + 10,000 × 18 %; D0 is below the eligibility threshold and gets no line.
		assertThat(result.lines()).singleElement().satisfies(line -> {
			assertThat(line.amount()).isEqualByComparingTo("3000");
			assertThat(JsonValues.write(JsonValues.of(line.trace()))).contains("\"rateRow\":{\"product\":\"Pro\",\"ratePercent\":12,\"region\":\"*\",\"role\":\"AE\",\"row\":1}");
		});
	}

	@Test
	void theSameInputsGiveTheSameDigestAndAnotherInputAnother() {
		List<CreditedDeal> deals = new ArrayList<>(List.of(deal("D1", "ana", "130000", LocalDate.of(2026, 3, 10))));
		Map<String, PlanVersion> plans = Map.of("ana", version(plan("GRADUATED", "")));
		String first = calculator.calculate(inputs(MARCH, plans, Map.of("ana", new BigDecimal("100000")), deals, (rep, day) -> List.of(), List.of(),
				Map.of())).digest();
		String again = calculator.calculate(inputs(MARCH, plans, Map.of("ana", new BigDecimal("100000.000000")), deals, (rep, day) -> List.of(),
				List.of(), Map.of())).digest();
		deals.add(deal("D2", "ana", "1", LocalDate.of(2026, 3, 11)));
		String other = calculator.calculate(inputs(MARCH, plans, Map.of("ana", new BigDecimal("100000")), deals, (rep, day) -> List.of(), List.of(),
				Map.of())).digest();
		assertThat(again).isEqualTo(first).hasSize(64);
		assertThat(other).isNotEqualTo(first);
	}

}
