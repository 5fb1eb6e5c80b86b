package com.performanceos.rules.commissions.variants;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.performanceos.platform.security.Role;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.rules.commissions.runs.CommissionsWorld;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Plan variants: a month costed in memory with one version's base rates changed, against hand-computed figures, storing nothing. */
class PlanVariantIntegrationTests extends IntegrationTest {

	private static final String VARIANT = """
			query($input: CommissionPlanVariantInput!) {
			  commissionPlanVariant(input: $input) {
			    period affectedReps currentCost variantCost delta currency reps { rep currentPayable variantPayable delta }
			  }
			}""";

	@Autowired
	private TenantDatabase database;

	@Test
	void twelveInsteadOfTenPercentOnOneProductAnswersTheCostAndEachRepsDeltaAndStoresNothing() {
		CommissionsWorld world = new CommissionsWorld("http://127.0.0.1:" + port, tokens, newTenant("plan-variant"));
		String version = world.tenPercentMarch();
		long before = storedRows(world.tenant);

		var answer = world.finance.document(VARIANT).variable("input", Map.of("period", "2026-03", "planVersionId", version, "rates",
				List.of(Map.of("product", "Pro", "ratePercent", "12")))).execute();
		// As published: Ana 70,000 × 10 % = 7,000, Bob 20,000 × 10 % = 2,000. With 12 % on Pro: Ana 40,000 × 12 % + 30,000 × 10 %
		// = 7,800 (+800), Bob 20,000 × 12 % = 2,400 (+400); the month costs 10,200 instead of 9,000.
		answer.path("commissionPlanVariant.affectedReps").entity(Integer.class).isEqualTo(2)
			.path("commissionPlanVariant.currentCost").entity(BigDecimal.class).satisfies(value -> assertThat(value).isEqualByComparingTo("9000"))
			.path("commissionPlanVariant.variantCost").entity(BigDecimal.class).satisfies(value -> assertThat(value).isEqualByComparingTo("10200"))
			.path("commissionPlanVariant.delta").entity(BigDecimal.class).satisfies(value -> assertThat(value).isEqualByComparingTo("1200"))
			.path("commissionPlanVariant.currency").entity(String.class).isEqualTo("EUR")
			.path("commissionPlanVariant.reps[*].rep").entityList(String.class).containsExactly("ana", "bob")
			.path("commissionPlanVariant.reps[0].delta").entity(BigDecimal.class).satisfies(value -> assertThat(value).isEqualByComparingTo("800"))
			.path("commissionPlanVariant.reps[1].variantPayable").entity(BigDecimal.class)
			.satisfies(value -> assertThat(value).isEqualByComparingTo("2400"));
		assertThat(storedRows(world.tenant)).as("runs, lines, totals and audit records").isEqualTo(before);

		world.as("ana-user", Role.REP).document(VARIANT).variable("input", Map.of("period", "2026-03", "planVersionId", version, "rates",
				List.of(Map.of("product", "Pro", "ratePercent", "12")))).execute().errors()
			.satisfy(errors -> assertThat(errors).isNotEmpty().allSatisfy(error -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
		world.finance.document(VARIANT).variable("input", Map.of("period", "2026-04", "planVersionId", version, "rates",
				List.of(Map.of("product", "Pro", "ratePercent", "12")))).execute().path("commissionPlanVariant").valueIsNull();
		world.finance.document(VARIANT).variable("input", Map.of("period", "2026-03", "planVersionId", version, "rates",
				List.of(Map.of("product", "Pro", "ratePercent", "120")))).execute().errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> assertThat(error.getExtensions())
				.containsEntry("code", "BAD_USER_INPUT")));
	}

	private long storedRows(String tenant) {
		return database.inTransaction(tenant, db -> db.sql("SELECT (SELECT count(*) FROM commission_run) + (SELECT count(*) FROM commission_line) "
				+ "+ (SELECT count(*) FROM commission_rep_total) + (SELECT count(*) FROM audit_log) AS total")
			.map(row -> row.get("total", Long.class)).one()).block();
	}

}
