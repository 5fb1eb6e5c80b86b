package com.performanceos.rules.commissions.calculation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.performanceos.rules.commissions.calculation.CalculationInputs.Clawback;
import com.performanceos.rules.commissions.calculation.CalculationInputs.CreditedDeal;
import com.performanceos.rules.commissions.calculation.CalculationInputs.PlanVersion;
import com.performanceos.rules.commissions.calculation.CalculationInputs.Split;

/**
 * The traces of lines, as JSON values: which plan version, which deal and where it came from, which base rate row,
 * which tiers with their slices, the inputs and intermediate values. Explanations are built from them alone.
 */
final class Traces {

	private Traces() {
	}

	static Map<String, @Nullable Object> direct(PlanVersion version, CreditedDeal deal, Split split, BigDecimal credited, Tiers.Applied applied,
			BigDecimal amount) {
		Map<String, @Nullable Object> trace = new LinkedHashMap<>();
		trace.put("plan", plan(version));
		trace.put("deal", deal(deal));
		trace.put("eligibility", Map.of("expression", version.plan().eligibility().source(), "result", true));
		Map<String, @Nullable Object> credit = new LinkedHashMap<>();
		credit.put("measure", version.plan().measure().name());
		credit.put("sharePercent", split.sharePercent());
		credit.put("credited", credited);
		trace.put("credit", credit);
		trace.put("rateRow", applied.rateRow() < 0 ? null : version.plan().baseRates().get(applied.rateRow()).trace(applied.rateRow()));
		Map<String, @Nullable Object> tiers = new LinkedHashMap<>();
		tiers.put("method", applied.method().name());
		tiers.put("quota", applied.quota());
		tiers.put("creditBefore", applied.before());
		tiers.put("creditAfter", applied.before().add(credited));
		tiers.put("tierReached", applied.tierReached() + 1);
		tiers.put("tierName", version.plan().tiers().get(applied.tierReached()).name());
		tiers.put("slices", applied.slices());
		trace.put("tiers", tiers);
		trace.put("amount", amount);
		return trace;
	}

	static Map<String, @Nullable Object> rollUp(PlanVersion version, CreditedDeal deal, String from, int level, BigDecimal credited,
			BigDecimal ratePercent, BigDecimal amount) {
		Map<String, @Nullable Object> trace = new LinkedHashMap<>();
		trace.put("plan", plan(version));
		trace.put("deal", deal(deal));
		trace.put("rollUp", Map.of("from", from, "level", level, "credited", credited, "ratePercent", ratePercent));
		trace.put("amount", amount);
		return trace;
	}

	static Map<String, @Nullable Object> clawback(Clawback clawback, long days, int windowDays) {
		Map<String, @Nullable Object> trace = new LinkedHashMap<>();
		trace.put("clawback", Map.of("dealRef", clawback.dealRef(), "closeDate", clawback.closeDate().toString(), "cancellationDate",
				clawback.cancellationDate().toString(), "daysAfterClose", days, "windowDays", windowDays, "paidBefore", clawback.paid()));
		trace.put("amount", clawback.paid().negate());
		return trace;
	}

	/** How a deal was converted to its plan's currency: the rate in force on its close date, and the converted amounts. */
	static Map<String, Object> fx(CreditedDeal deal, java.util.Currency to, BigDecimal rate, BigDecimal amount, BigDecimal arr) {
		Map<String, Object> trace = new LinkedHashMap<>();
		trace.put("from", deal.currency().getCurrencyCode());
		trace.put("to", to.getCurrencyCode());
		trace.put("asOf", deal.closeDate().toString());
		trace.put("rate", rate);
		trace.put("amount", amount);
		trace.put("arr", arr);
		return trace;
	}

	private static Map<String, Object> plan(PlanVersion version) {
		return Map.of("rule", version.ruleName(), "versionId", version.versionId(), "version", version.number(), "sha256", version.sha256());
	}

	private static Map<String, Object> deal(CreditedDeal deal) {
		Map<String, Object> trace = new LinkedHashMap<>();
		trace.put("ref", deal.dealRef());
		trace.put("owner", deal.owner());
		trace.put("product", deal.product());
		trace.put("region", deal.region());
		trace.put("stage", deal.stage());
		trace.put("closeDate", deal.closeDate().toString());
		trace.put("amount", deal.amount());
		trace.put("arr", deal.arr());
		trace.put("currency", deal.currency().getCurrencyCode());
		trace.put("source", deal.source());
		return trace;
	}

}
