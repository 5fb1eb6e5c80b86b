package com.performanceos.rules.commissions.runs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.rules.commissions.calculation.CalculationInputs;
import com.performanceos.rules.commissions.calculation.CalculationResult;
import com.performanceos.rules.commissions.calculation.Calculator;
import com.performanceos.rules.commissions.plans.AssignCommissionPlan;
import com.performanceos.rules.commissions.plans.CommissionPlan;

/**
 * "If I close this deal, what do I earn?": one rep's period computed twice in memory, as the data is known now and
 * with hypothetical deals added. Reads only; nothing is written, not even an audit record (nothing changed). The rep's
 * own credit only: roll-up credit from the team is left out of a what-if.
 */
@Component
class WhatIf {

	/** The most hypothetical deals one what-if takes. */
	static final int DEALS_MAX = 100;

	private static final BigDecimal HUNDRED = new BigDecimal("100");

	private final TenantDatabase database;

	private final RunInputs inputs;

	private final CommissionAccess access;

	private final Calculator calculator = new Calculator();

	WhatIf(TenantDatabase database, RunInputs inputs, CommissionAccess access) {
		this.database = database;
		this.inputs = inputs;
		this.access = access;
	}

	record DealInput(String dealRef, BigDecimal amount, @Nullable String product, @Nullable String region, LocalDate closeDate) {
	}

	/**
	 * The schema's {@code CommissionWhatIf}.
	 *
	 * @param rep the rep
	 * @param period the month
	 * @param currentPayable what the period pays now
	 * @param whatIfPayable what it would pay with the deals
	 * @param delta the difference
	 * @param tierReached the 1-based tier the credit would reach
	 * @param tierName its name
	 * @param distanceToNextTier the credit still needed to reach the next tier; null at the top or without a quota
	 * @param currency the plan's currency
	 */
	record Answer(String rep, String period, BigDecimal currentPayable, BigDecimal whatIfPayable, BigDecimal delta, int tierReached, String tierName,
			@Nullable BigDecimal distanceToNextTier, String currency) {
	}

	Mono<Answer> answer(Viewer viewer, String rep, String period, List<DealInput> deals) {
		if (!AssignCommissionPlan.PERIOD.matcher(period).matches() || deals.isEmpty() || deals.size() > DEALS_MAX
				|| deals.stream().anyMatch(deal -> deal.amount().signum() <= 0 || !YearMonth.from(deal.closeDate()).toString().equals(period))) {
			return Mono.error(new GraphQlException(ErrorCode.BAD_USER_INPUT,
					"A what-if takes a month YYYY-MM and 1 to " + DEALS_MAX + " deals with positive amounts closing in that month"));
		}
		YearMonth month = YearMonth.parse(period);
		return database.run(viewer.tenant(), tx -> access.scope(tx, viewer, month).flatMap(scope -> !scope.allows(rep) ? Mono.<Answer>empty()
				: inputs.load(tx, month, Instant.now()).flatMap(loaded -> Mono.justOrEmpty(compare(loaded, rep, deals)))));
	}

	private @Nullable Answer compare(CalculationInputs loaded, String rep, List<DealInput> hypothetical) {
		CalculationInputs.PlanVersion version = loaded.plans().get(rep);
		if (version == null) {
			return null;
		}
		CommissionPlan plan = version.plan();
		List<CalculationInputs.CreditedDeal> own = loaded.deals().stream()
			.filter(deal -> deal.effectiveSplits().stream().anyMatch(split -> split.rep().equals(rep))).toList();
		CalculationInputs base = new CalculationInputs(loaded.period(), Map.of(rep, version), loaded.quotas(), loaded.roles(), own,
				CalculationInputs.Hierarchy.NONE, loaded.clawbacks().stream().filter(clawback -> clawback.rep().equals(rep)).toList(),
				loaded.carries());
		List<CalculationInputs.CreditedDeal> withDeals = new ArrayList<>(own);
		for (DealInput deal : hypothetical) {
			withDeals.add(new CalculationInputs.CreditedDeal(UUID.nameUUIDFromBytes(deal.dealRef().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
					deal.dealRef(), rep, deal.product() == null ? "*" : deal.product(), deal.region() == null ? "*" : deal.region(), "CLOSED_WON",
					deal.closeDate(), deal.amount(), deal.amount(), plan.currency(), List.of(), "what-if"));
		}
		withDeals.sort(java.util.Comparator.comparing(CalculationInputs.CreditedDeal::closeDate).thenComparing(CalculationInputs.CreditedDeal::dealRef));
		CalculationResult now = calculator.calculate(base);
		CalculationResult then = calculator.calculate(new CalculationInputs(base.period(), base.plans(), base.quotas(), base.roles(), withDeals,
				base.hierarchy(), base.clawbacks(), base.carries()));
		BigDecimal before = payable(now, rep);
		BigDecimal after = payable(then, rep);
		BigDecimal credited = then.totals().stream().filter(total -> total.rep().equals(rep)).map(CalculationResult.RepTotal::credited)
			.findFirst().orElse(BigDecimal.ZERO);
		BigDecimal quota = loaded.quotas().get(rep);
		int tier = 0;
		BigDecimal distance = null;
		if (quota != null && quota.signum() > 0) {
			for (int index = 1; index < plan.tiers().size(); index++) {
				BigDecimal bound = quota.multiply(plan.tiers().get(index).fromAttainmentPercent()).divide(HUNDRED, 6, RoundingMode.HALF_UP);
				if (credited.compareTo(bound) > 0) {
					tier = index;
				}
				else if (distance == null) {
					distance = bound.subtract(credited);
				}
			}
		}
		return new Answer(rep, loaded.period().toString(), before, after, after.subtract(before), tier + 1, plan.tiers().get(tier).name(), distance,
				plan.currency().getCurrencyCode());
	}

	private static BigDecimal payable(CalculationResult result, String rep) {
		return result.totals().stream().filter(total -> total.rep().equals(rep)).map(CalculationResult.RepTotal::payable).findFirst()
			.orElse(BigDecimal.ZERO);
	}

}
