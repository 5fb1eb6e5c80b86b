package com.performanceos.rules.commissions.calculation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import com.performanceos.rules.commissions.calculation.CalculationInputs.Carry;
import com.performanceos.rules.commissions.calculation.CalculationInputs.Clawback;
import com.performanceos.rules.commissions.calculation.CalculationInputs.CreditedDeal;
import com.performanceos.rules.commissions.calculation.CalculationInputs.PlanVersion;
import com.performanceos.rules.commissions.calculation.CalculationInputs.Split;
import com.performanceos.rules.commissions.calculation.CalculationResult.Line;
import com.performanceos.rules.commissions.calculation.CalculationResult.LineKind;
import com.performanceos.rules.commissions.calculation.CalculationResult.RepTotal;
import com.performanceos.rules.commissions.plans.CommissionPlan;

/**
 * Applies plans to a period's credited deals, in memory, in one pass per rep: credit (splits, roll-up to managers
 * kept apart), eligibility, base rate row, attainment tiers GRADUATED or RETROACTIVE, cap, clawbacks netted with a
 * carried-forward remainder, draws advanced and recovered. Every line keeps its trace. Deterministic: no clock,
 * no randomness, iteration in sorted orders only, so the digest over inputs and outputs is reproducible.
 */
public final class Calculator {

	/** Credit is kept to six decimal places, as stored. */
	static final int CREDIT_SCALE = 6;

	/** Amounts paid are rounded to cents, half up, line by line; totals are sums of lines. */
	static final int AMOUNT_SCALE = 2;

	/** Levels of managers a roll-up climbs at most (a cycle in the hierarchy cannot loop). */
	static final int HIERARCHY_DEPTH_MAX = 10;

	private static final BigDecimal HUNDRED = new BigDecimal("100");

	/** Calculates a period. */
	public CalculationResult calculate(CalculationInputs inputs) {
		RunDigest digest = new RunDigest();
		digest.inputs(inputs);
		List<String> notes = new ArrayList<>();
		Map<String, List<Credit>> own = new TreeMap<>();
		Map<String, List<Credit>> rolledUp = new TreeMap<>();
		Eligibility eligibility = new Eligibility();
		for (CreditedDeal deal : inputs.deals()) {
			for (Split split : deal.effectiveSplits()) {
				credit(inputs, eligibility, deal, split, own, rolledUp, notes);
			}
		}
		TreeSet<String> reps = new TreeSet<>(own.keySet());
		reps.addAll(rolledUp.keySet());
		inputs.clawbacks().forEach(clawback -> reps.add(clawback.rep()));
		inputs.carries().forEach((rep, carry) -> {
			if (carry.clawback().signum() != 0 || carry.drawBalance().signum() != 0) {
				reps.add(rep);
			}
		});
		List<Line> lines = new ArrayList<>();
		List<RepTotal> totals = new ArrayList<>();
		for (String rep : reps) {
			RepTotal total = rep(inputs, rep, own.getOrDefault(rep, List.of()), rolledUp.getOrDefault(rep, List.of()), lines, notes);
			if (total != null) {
				totals.add(total);
			}
		}
		digest.outputs(lines, totals);
		return new CalculationResult(List.copyOf(lines), List.copyOf(totals), digest.hex(), List.copyOf(notes));
	}

	/** A rep's credit on a deal, before rates; {@code fx} says how the deal was converted to the plan's currency, if it was. */
	private record Credit(CreditedDeal deal, Split split, BigDecimal credited, String role, PlanVersion plan, @Nullable String from, int level,
			@Nullable Map<String, Object> fx) {
	}

	private static void credit(CalculationInputs inputs, Eligibility eligibility, CreditedDeal deal, Split split, Map<String, List<Credit>> own,
			Map<String, List<Credit>> rolledUp, List<String> notes) {
		PlanVersion version = inputs.plans().get(split.rep());
		if (version == null) {
			notes.add("REP_WITHOUT_PLAN " + split.rep() + " on " + deal.dealRef());
			return;
		}
		CommissionPlan plan = version.plan();
		BigDecimal amount = deal.amount();
		BigDecimal arr = deal.arr();
		Map<String, Object> fx = null;
		if (!deal.currency().equals(plan.currency())) {
			BigDecimal rate = inputs.rates().rate(deal.currency(), plan.currency(), deal.closeDate());
			if (rate == null) {
				throw new MissingExchangeRate(deal.currency(), plan.currency(), deal.closeDate(), deal.dealRef());
			}
			amount = amount.multiply(rate).setScale(CREDIT_SCALE, RoundingMode.HALF_UP);
			arr = arr.multiply(rate).setScale(CREDIT_SCALE, RoundingMode.HALF_UP);
			fx = Traces.fx(deal, plan.currency(), rate, amount, arr);
		}
		String role = inputs.roles().getOrDefault(split.rep(), "OTHER");
		// Eligibility sees the amounts in the plan's currency, as its conditions are written in it.
		if (!eligibility.eligible(version, deal, role, amount, arr)) {
			return;
		}
		BigDecimal base = plan.measure() == CommissionPlan.Measure.ARR ? arr : amount;
		BigDecimal credited = base.multiply(split.sharePercent()).divide(HUNDRED, CREDIT_SCALE, RoundingMode.HALF_UP);
		own.computeIfAbsent(split.rep(), key -> new ArrayList<>()).add(new Credit(deal, split, credited, role, version, null, 0, fx));
		if (plan.rollUpRatePercent() == null) {
			return;
		}
		List<String> managers = inputs.hierarchy().managersOf(split.rep(), deal.closeDate());
		for (int level = 0; level < Math.min(managers.size(), HIERARCHY_DEPTH_MAX); level++) {
			rolledUp.computeIfAbsent(managers.get(level), key -> new ArrayList<>())
				.add(new Credit(deal, split, credited, role, version, split.rep(), level + 1, fx));
		}
	}

	private static @Nullable RepTotal rep(CalculationInputs inputs, String rep, List<Credit> credits, List<Credit> rollUps, List<Line> lines,
			List<String> notes) {
		PlanVersion version = inputs.plans().get(rep);
		PlanVersion currencySource = version != null ? version : rollUps.isEmpty() ? null : rollUps.getFirst().plan();
		if (currencySource == null) {
			notes.add("REP_WITHOUT_PLAN " + rep + " has a clawback or a balance carried but no plan this period");
			return null;
		}
		Currency currency = currencySource.plan().currency();
		BigDecimal quota = inputs.quotas().get(rep);
		Tiers tiers = version == null ? null : new Tiers(version.plan(), quota);
		BigDecimal credited = sum(credits);
		BigDecimal gross = BigDecimal.ZERO;
		BigDecimal cumulative = BigDecimal.ZERO;
		for (Credit credit : credits) {
			Tiers.Applied applied = java.util.Objects.requireNonNull(tiers).apply(credit.deal(), credit.role(), cumulative, credit.credited(), credited);
			cumulative = cumulative.add(credit.credited());
			BigDecimal amount = applied.amount().setScale(AMOUNT_SCALE, RoundingMode.HALF_UP);
			gross = gross.add(amount);
			Map<String, @Nullable Object> trace = Traces.direct(credit.plan(), credit.deal(), credit.split(), credit.credited(), applied, amount);
			if (credit.fx() != null) {
				trace.put("fx", credit.fx());
			}
			lines.add(new Line(lines.size() + 1, rep, LineKind.DIRECT, credit.deal().dealKey(), credit.deal().dealRef(),
					credit.split().sharePercent(), credit.credited(), amount, applied.tierReached() + 1, trace));
		}
		BigDecimal rollUpCredited = BigDecimal.ZERO;
		for (Credit rollUp : rollUps) {
			BigDecimal rate = java.util.Objects.requireNonNull(rollUp.plan().plan().rollUpRatePercent());
			BigDecimal amount = rollUp.credited().multiply(rate).divide(HUNDRED, AMOUNT_SCALE, RoundingMode.HALF_UP);
			rollUpCredited = rollUpCredited.add(rollUp.credited());
			gross = gross.add(amount);
			Map<String, @Nullable Object> trace = Traces.rollUp(rollUp.plan(), rollUp.deal(), java.util.Objects.requireNonNull(rollUp.from()),
					rollUp.level(), rollUp.credited(), rate, amount);
			if (rollUp.fx() != null) {
				trace.put("fx", rollUp.fx());
			}
			lines.add(new Line(lines.size() + 1, rep, LineKind.ROLLUP, rollUp.deal().dealKey(), rollUp.deal().dealRef(),
					rollUp.split().sharePercent(), rollUp.credited(), amount, null, trace));
		}
		CommissionPlan plan = version == null ? null : version.plan();
		BigDecimal capAdjustment = plan != null && plan.capPerPeriod() != null && gross.compareTo(plan.capPerPeriod()) > 0
				? plan.capPerPeriod().subtract(gross) : BigDecimal.ZERO;
		BigDecimal clawback = clawbacks(inputs, rep, plan, lines);
		Carry carry = inputs.carries().getOrDefault(rep, Carry.NONE);
		Settlement settlement = Settlement.of(gross.add(capAdjustment), clawback, carry, plan == null ? null : plan.draw());
		BigDecimal attainment = quota == null || quota.signum() <= 0 ? null
				: credited.multiply(HUNDRED).divide(quota, 4, RoundingMode.HALF_UP);
		return new RepTotal(rep, version == null ? null : version.versionKey(), credited, rollUpCredited, quota, attainment, gross,
				capAdjustment, clawback, carry.clawback(), settlement.clawbackCarryOut(), settlement.drawPaid(), settlement.drawRecovered(),
				settlement.drawBalanceOut(), settlement.payable(), currency);
	}

	private static BigDecimal clawbacks(CalculationInputs inputs, String rep, @Nullable CommissionPlan plan, List<Line> lines) {
		BigDecimal total = BigDecimal.ZERO;
		for (Clawback clawback : inputs.clawbacks()) {
			if (!clawback.rep().equals(rep) || plan == null || plan.clawbackWindowDays() == null || clawback.paid().signum() == 0) {
				continue;
			}
			long days = ChronoUnit.DAYS.between(clawback.closeDate(), clawback.cancellationDate());
			if (days > plan.clawbackWindowDays()) {
				continue;
			}
			total = total.add(clawback.paid());
			lines.add(new Line(lines.size() + 1, rep, LineKind.CLAWBACK, clawback.dealKey(), clawback.dealRef(), BigDecimal.ZERO,
					BigDecimal.ZERO, clawback.paid().negate(), null, Traces.clawback(clawback, days, plan.clawbackWindowDays())));
		}
		return total;
	}

	private static BigDecimal sum(List<Credit> credits) {
		BigDecimal total = BigDecimal.ZERO;
		for (Credit credit : credits) {
			total = total.add(credit.credited());
		}
		return total;
	}

}
