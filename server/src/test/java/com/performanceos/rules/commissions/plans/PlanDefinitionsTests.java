package com.performanceos.rules.commissions.plans;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.performanceos.rules.engine.JsonValues;
import com.performanceos.rules.engine.RuleDefinitionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanDefinitionsTests {

	@Test
	void readsAPlanWithEveryPart() {
		CommissionPlan plan = PlanDefinitions.read("""
				{"currency": "EUR", "measure": "ARR", "eligibility": "stage == 'CLOSED_WON' && arr >= 10000",
				 "baseRates": [{"role": "AE", "product": "*", "region": "*", "ratePercent": "10"}],
				 "tiers": {"method": "retroactive", "bands": [{"fromAttainmentPercent": 0, "multiplierPercent": 100},
				                                             {"name": "Accelerator", "fromAttainmentPercent": 100, "multiplierPercent": 150}]},
				 "rollUp": {"ratePercent": 1}, "capPerPeriod": 50000, "clawbackWindowDays": 90,
				 "draw": {"amountPerPeriod": 3000, "recoverable": true}}""");
		assertThat(plan.measure()).isEqualTo(CommissionPlan.Measure.ARR);
		assertThat(plan.method()).isEqualTo(CommissionPlan.TierMethod.RETROACTIVE);
		assertThat(plan.tiers()).extracting(CommissionPlan.Tier::name).containsExactly("Tier 1", "Accelerator");
		assertThat(plan.clawbackWindowDays()).isEqualTo(90);
		assertThat(plan.draw()).isEqualTo(new CommissionPlan.Draw(new java.math.BigDecimal("3000"), true));
		assertThat(plan.rateRow("AE", "Pro", "FR")).isZero();
		assertThat(plan.rateRow("SDR", "Pro", "FR")).isEqualTo(-1);
	}

	@Test
	void refusesEveryProblemWithItsLocation() {
		Object definition = JsonValues.of(Map.of("currency", "EURO", "eligibility", "amount > 'x'", "tiers",
				Map.of("method", "STEPPED", "bands", List.of(Map.of("fromAttainmentPercent", 10, "multiplierPercent", 100))),
				"capPerPeriod", -1));
		assertThatThrownBy(() -> new PlanDefinitions().check(definition)).isInstanceOf(RuleDefinitionException.class)
			.satisfies(thrown -> assertThat(((RuleDefinitionException) thrown).problems()).extracting(RuleDefinitionException.Problem::location)
				.contains("currency", "tiers.method", "tiers.bands[0].fromAttainmentPercent", "tiers.bands[0].multiplierPercent", "capPerPeriod")
				.anySatisfy(location -> assertThat(location).startsWith("eligibility")));
	}

}
