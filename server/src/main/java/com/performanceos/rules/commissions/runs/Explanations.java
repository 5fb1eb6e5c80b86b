package com.performanceos.rules.commissions.runs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.performanceos.rules.commissions.calculation.CalculationResult;
import com.performanceos.rules.engine.JsonValues;

/**
 * Explanations built from stored traces alone (never by recomputing): a tree deal → credit → rate row → tiers →
 * amount for a line, and the statement's lines with cap, clawback and draw for a period; each with a sentence in
 * English and in French.
 */
final class Explanations {

	private Explanations() {
	}

	/**
	 * The schema's {@code CommissionExplanation}.
	 *
	 * @param tree the structured explanation
	 * @param en the sentence in English
	 * @param fr the sentence in French
	 */
	record Explanation(Map<String, @Nullable Object> tree, String en, String fr) {
	}

	static Explanation line(CommissionLine line) {
		Map<?, ?> trace = (Map<?, ?>) JsonValues.parse(line.traceJson());
		Map<String, @Nullable Object> tree = new LinkedHashMap<>();
		tree.put("lineId", line.id());
		tree.put("rep", line.rep());
		tree.put("kind", line.kind());
		tree.put("trace", trace);
		String amount = money(line.amount(), Locale.ENGLISH) + " " + line.currency();
		String montant = money(line.amount(), Locale.FRENCH) + " " + line.currency();
		Map<?, ?> deal = (Map<?, ?>) trace.get("deal");
		Map<?, ?> plan = (Map<?, ?>) trace.get("plan");
		String en;
		String fr;
		switch (line.kind()) {
			case "CLAWBACK" -> {
				Map<?, ?> clawback = (Map<?, ?>) trace.get("clawback");
				en = "Deal " + line.dealRef() + " closed on " + clawback.get("closeDate") + " was cancelled on " + clawback.get("cancellationDate") + ", "
						+ clawback.get("daysAfterClose") + " days later (window " + clawback.get("windowDays") + " days): " + amount + " is clawed back.";
				fr = "L'affaire " + line.dealRef() + " conclue le " + clawback.get("closeDate") + " a été annulée le " + clawback.get("cancellationDate")
						+ ", " + clawback.get("daysAfterClose") + " jours après (fenêtre de " + clawback.get("windowDays") + " jours) : " + montant
						+ " est repris.";
			}
			case "ROLLUP" -> {
				Map<?, ?> rollUp = (Map<?, ?>) trace.get("rollUp");
				en = "Deal " + line.dealRef() + " (" + source(deal) + ") credits " + rollUp.get("from") + ", whom " + line.rep() + " manages (level "
						+ rollUp.get("level") + "): roll-up of " + rollUp.get("ratePercent") + " % on " + money(line.credited(), Locale.ENGLISH) + " under plan "
						+ plan.get("rule") + " version " + plan.get("version") + " = " + amount + ".";
				fr = "L'affaire " + line.dealRef() + " (" + source(deal) + ") est créditée à " + rollUp.get("from") + ", que " + line.rep()
						+ " encadre (niveau " + rollUp.get("level") + ") : remontée de " + rollUp.get("ratePercent") + " % sur "
						+ money(line.credited(), Locale.FRENCH) + " selon le plan " + plan.get("rule") + " version " + plan.get("version") + " = " + montant + ".";
			}
			default -> {
				Map<?, ?> tiers = (Map<?, ?>) trace.get("tiers");
				List<String> slicesEn = new ArrayList<>();
				List<String> slicesFr = new ArrayList<>();
				for (Object each : (List<?>) tiers.get("slices")) {
					Map<?, ?> slice = (Map<?, ?>) each;
					slicesEn.add(slice.get("name") + ": " + money(slice.get("credit"), Locale.ENGLISH) + " at " + percent(slice.get("ratePercent")) + " % = "
							+ money(slice.get("amount"), Locale.ENGLISH));
					slicesFr.add(slice.get("name") + " : " + money(slice.get("credit"), Locale.FRENCH) + " à " + percent(slice.get("ratePercent")) + " % = "
							+ money(slice.get("amount"), Locale.FRENCH));
				}
				en = "Deal " + line.dealRef() + " (" + source(deal) + ", closed " + deal.get("closeDate") + ") credits " + line.rep() + " "
						+ percent(line.sharePercent()) + " % = " + money(line.credited(), Locale.ENGLISH) + "; plan " + plan.get("rule") + " version "
						+ plan.get("version") + ", " + tiers.get("method") + " tiers: " + String.join("; ", slicesEn) + "; amount " + amount + ".";
				fr = "L'affaire " + line.dealRef() + " (" + source(deal) + ", conclue le " + deal.get("closeDate") + ") crédite " + line.rep() + " de "
						+ percent(line.sharePercent()) + " % = " + money(line.credited(), Locale.FRENCH) + " ; plan " + plan.get("rule") + " version "
						+ plan.get("version") + ", paliers " + (tiers.get("method").equals("GRADUATED") ? "progressifs" : "rétroactifs") + " : "
						+ String.join(" ; ", slicesFr) + " ; montant " + montant + ".";
			}
		}
		return new Explanation(tree, en, fr);
	}

	static Explanation statement(Statement statement, List<CommissionLine> lines) {
		CalculationResult.RepTotal total = statement.total();
		Map<String, @Nullable Object> tree = new LinkedHashMap<>();
		tree.put("rep", statement.rep());
		tree.put("period", statement.run().period());
		tree.put("runId", statement.run().id());
		tree.put("digest", statement.run().digest());
		List<Object> children = new ArrayList<>();
		for (CommissionLine line : lines) {
			children.add(line(line).tree());
		}
		tree.put("lines", children);
		Map<String, Object> settlement = new LinkedHashMap<>();
		settlement.put("gross", total.gross());
		settlement.put("capAdjustment", total.capAdjustment());
		settlement.put("clawback", total.clawback());
		settlement.put("clawbackCarryIn", total.clawbackCarryIn());
		settlement.put("clawbackCarryOut", total.clawbackCarryOut());
		settlement.put("drawPaid", total.drawPaid());
		settlement.put("drawRecovered", total.drawRecovered());
		settlement.put("payable", total.payable());
		tree.put("settlement", settlement);
		String currency = total.currency().getCurrencyCode();
		String en = statement.rep() + " earned " + money(total.gross(), Locale.ENGLISH) + " " + currency + " in " + statement.run().period() + " on "
				+ lines.size() + " line(s); cap " + money(total.capAdjustment(), Locale.ENGLISH) + ", clawbacks " + money(total.clawback(), Locale.ENGLISH)
				+ " (carried in " + money(total.clawbackCarryIn(), Locale.ENGLISH) + ", carried forward " + money(total.clawbackCarryOut(), Locale.ENGLISH)
				+ "), draw paid " + money(total.drawPaid(), Locale.ENGLISH) + ", draw recovered " + money(total.drawRecovered(), Locale.ENGLISH)
				+ "; payable " + money(total.payable(), Locale.ENGLISH) + " " + currency + ".";
		String fr = statement.rep() + " a gagné " + money(total.gross(), Locale.FRENCH) + " " + currency + " en " + statement.run().period() + " sur "
				+ lines.size() + " ligne(s) ; plafond " + money(total.capAdjustment(), Locale.FRENCH) + ", reprises " + money(total.clawback(), Locale.FRENCH)
				+ " (reportées d'avant " + money(total.clawbackCarryIn(), Locale.FRENCH) + ", reportées ensuite " + money(total.clawbackCarryOut(), Locale.FRENCH)
				+ "), avance versée " + money(total.drawPaid(), Locale.FRENCH) + ", avance récupérée " + money(total.drawRecovered(), Locale.FRENCH)
				+ " ; à payer " + money(total.payable(), Locale.FRENCH) + " " + currency + ".";
		return new Explanation(tree, en, fr);
	}

	private static String source(Map<?, ?> deal) {
		return String.valueOf(deal.get("source"));
	}

	private static String percent(@Nullable Object value) {
		return value == null ? "" : new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
	}

	/** 14,500.00 in English, 14 500,00 in French (a plain space as the grouping separator, so tests and logs read alike). */
	static String money(@Nullable Object value, Locale locale) {
		BigDecimal amount = value == null ? BigDecimal.ZERO : new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
		DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
		if (locale.getLanguage().equals("fr")) {
			symbols.setGroupingSeparator(' ');
		}
		return new DecimalFormat("#,##0.00", symbols).format(amount);
	}

}
