package com.performanceos.rules.commissions.variants;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.rules.commissions.calculation.CalculationInputs;
import com.performanceos.rules.commissions.calculation.CalculationResult;
import com.performanceos.rules.commissions.calculation.Calculator;
import com.performanceos.rules.commissions.plans.CommissionPlan;
import com.performanceos.rules.commissions.runs.RunEvidence;

/**
 * "What would the month cost with 12 % instead of 10 % on product X?": the period's data as known now, calculated
 * twice in memory by the same {@link Calculator} as a run, once with the plans as published and once with one
 * version's base rate table changed. The changed rows go first in the table (the first matching row wins), so they
 * replace the rate of the deals they match and leave the others alone; roll-ups, caps, clawbacks and draws follow
 * as they would in a run. Reads only: nothing is written, not even an audit record (nothing changed).
 * <p>
 * Published to the other domains (ADR 0007): the cash scenarios put a variant's cost beside cash
 * ({@code scenarioCommissionWhatIf}). Callers hold the roles of {@code commissionPlanVariant} (ADMIN, FINANCE,
 * SALES_OPS): the answer names every rep's payable.
 */
@Service
public class PlanVariants {

	/** Who may cost a variant: it names every rep's payable. */
	private static final java.util.Set<com.performanceos.platform.security.Role> READERS = java.util.EnumSet.of(
			com.performanceos.platform.security.Role.ADMIN, com.performanceos.platform.security.Role.FINANCE,
			com.performanceos.platform.security.Role.SALES_OPS);

	/** The most rate rows one variant changes. */
	static final int RATES_MAX = 20;

	private static final BigDecimal PERCENT_MAX = new BigDecimal("100");

	private static final Pattern PERIOD = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

	/** A code in the base rate table (role, product, region) as plan definitions accept it. */
	private static final int CODE_LENGTH_MAX = 200;

	private final TenantDatabase database;

	private final RunEvidence evidence;

	private final Calculator calculator = new Calculator();

	PlanVariants(TenantDatabase database, RunEvidence evidence) {
		this.database = database;
		this.evidence = evidence;
	}

	/**
	 * A base rate row of the variant; an absent role or region matches any.
	 *
	 * @param product the product whose deals it pays
	 * @param role the rep role it applies to
	 * @param region the region it applies to
	 * @param ratePercent the rate instead of the plan's
	 */
	public record RateInput(String product, @Nullable String role, @Nullable String region, BigDecimal ratePercent) {

		CommissionPlan.RateRow row() {
			return new CommissionPlan.RateRow(role == null ? CommissionPlan.RateRow.ANY : role, product,
					region == null ? CommissionPlan.RateRow.ANY : region, ratePercent);
		}

	}

	/**
	 * The schema's {@code CommissionPlanVariantInput}.
	 *
	 * @param period the month
	 * @param planVersionId the plan version whose rates change (a {@code RuleVersion} id assigned in the month)
	 * @param rates the rows that replace the rates of the deals they match
	 */
	public record Input(String period, String planVersionId, List<RateInput> rates) {
	}

	/**
	 * One rep's payable as published and with the variant.
	 *
	 * @param rep the rep
	 * @param currentPayable as published
	 * @param variantPayable with the variant
	 * @param delta the difference
	 */
	public record RepDelta(String rep, BigDecimal currentPayable, BigDecimal variantPayable, BigDecimal delta) {
	}

	/**
	 * The schema's {@code CommissionPlanVariant}.
	 *
	 * @param period the month
	 * @param planVersionId the version changed
	 * @param affectedReps how many reps that version pays in the month
	 * @param currentCost what the month pays everyone as published
	 * @param variantCost what it would pay with the variant
	 * @param delta the difference
	 * @param currency the changed plan's currency
	 * @param reps every rep with figures, in code order
	 */
	public record Answer(String period, String planVersionId, int affectedReps, BigDecimal currentCost, BigDecimal variantCost, BigDecimal delta,
			String currency, List<RepDelta> reps) {
	}

	/**
	 * The month's cost with the plans as published and with the variant; empty when the version pays nobody that month.
	 * Fails with {@code BAD_USER_INPUT} on an invalid input.
	 */
	public Mono<Answer> answer(Viewer viewer, Input input) {
		if (!viewer.hasAnyRole(READERS)) {
			return Mono.error(new GraphQlException(ErrorCode.FORBIDDEN, "Commission plan variants are for ADMIN, FINANCE and SALES_OPS"));
		}
		String invalid = validate(input);
		if (invalid != null) {
			return Mono.error(new GraphQlException(ErrorCode.BAD_USER_INPUT, invalid));
		}
		return database.run(viewer.tenant(), tx -> evidence.inputs(tx, YearMonth.parse(input.period()), Instant.now()))
			.publishOn(Schedulers.boundedElastic())
			.flatMap(loaded -> Mono.justOrEmpty(compare(loaded, input)));
	}

	private static @Nullable String validate(Input input) {
		if (!PERIOD.matcher(input.period()).matches()) {
			return "A period is written YYYY-MM";
		}
		if (input.rates().isEmpty() || input.rates().size() > RATES_MAX) {
			return "A variant changes 1 to " + RATES_MAX + " rates";
		}
		for (RateInput rate : input.rates()) {
			if (rate.ratePercent().signum() < 0 || rate.ratePercent().compareTo(PERCENT_MAX) > 0) {
				return "A rate is a percentage from 0 to 100";
			}
			for (String code : new String[] { rate.product(), rate.role(), rate.region() }) {
				if (code != null && (code.isBlank() || code.length() > CODE_LENGTH_MAX)) {
					return "Products, roles and regions are 1 to " + CODE_LENGTH_MAX + " characters";
				}
			}
		}
		return null;
	}

	/** The comparison; null when the version pays nobody in the month. */
	private @Nullable Answer compare(CalculationInputs loaded, Input input) {
		Map<String, CalculationInputs.PlanVersion> variantPlans = new TreeMap<>(loaded.plans());
		CalculationInputs.PlanVersion changed = null;
		for (Map.Entry<String, CalculationInputs.PlanVersion> assigned : loaded.plans().entrySet()) {
			CalculationInputs.PlanVersion version = assigned.getValue();
			if (version.versionId().equals(input.planVersionId())) {
				changed = version;
				variantPlans.put(assigned.getKey(), new CalculationInputs.PlanVersion(version.versionKey(), version.versionId(), version.ruleName(),
						version.number(), version.sha256(), withRates(version.plan(), input.rates())));
			}
		}
		if (changed == null) {
			return null;
		}
		if (changed.plan().tiers().stream().allMatch(tier -> tier.ratePercent() != null)) {
			throw new GraphQlException(ErrorCode.BAD_USER_INPUT,
					"Every tier of this plan carries its own rate, so its base rate table pays nothing: a base rate variant would change nothing");
		}
		CalculationResult current = calculator.calculate(loaded);
		CalculationResult variant = calculator.calculate(new CalculationInputs(loaded.period(), variantPlans, loaded.quotas(), loaded.roles(),
				loaded.deals(), loaded.hierarchy(), loaded.clawbacks(), loaded.carries()));
		Map<String, BigDecimal> before = payables(current);
		Map<String, BigDecimal> after = payables(variant);
		TreeSet<String> reps = new TreeSet<>(before.keySet());
		reps.addAll(after.keySet());
		List<RepDelta> deltas = new ArrayList<>(reps.size());
		for (String rep : reps) {
			BigDecimal was = before.getOrDefault(rep, BigDecimal.ZERO);
			BigDecimal would = after.getOrDefault(rep, BigDecimal.ZERO);
			deltas.add(new RepDelta(rep, was, would, would.subtract(was)));
		}
		int affected = (int) loaded.plans().values().stream().filter(version -> version.versionId().equals(input.planVersionId())).count();
		return new Answer(loaded.period().toString(), input.planVersionId(), affected, current.totalPayable(), variant.totalPayable(),
				variant.totalPayable().subtract(current.totalPayable()), changed.plan().currency().getCurrencyCode(), deltas);
	}

	private static CommissionPlan withRates(CommissionPlan plan, List<RateInput> rates) {
		List<CommissionPlan.RateRow> rows = new ArrayList<>(rates.size() + plan.baseRates().size());
		rates.forEach(rate -> rows.add(rate.row()));
		rows.addAll(plan.baseRates());
		return new CommissionPlan(plan.currency(), plan.measure(), plan.eligibility(), List.copyOf(rows), plan.method(), plan.tiers(),
				plan.rollUpRatePercent(), plan.capPerPeriod(), plan.clawbackWindowDays(), plan.draw());
	}

	private static Map<String, BigDecimal> payables(CalculationResult result) {
		Map<String, BigDecimal> byRep = new TreeMap<>();
		result.totals().forEach(total -> byRep.put(total.rep(), total.payable()));
		return byRep;
	}

}
