package com.performanceos.rules.commissions.proof;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.digest.Sha256;
import com.performanceos.rules.commissions.calculation.CalculationInputs;
import com.performanceos.rules.commissions.calculation.CalculationResult;
import com.performanceos.rules.commissions.runs.RunEvidence;
import com.performanceos.rules.registry.RuleVersion;

/**
 * The integrity certificate of a proof pack: a SHA-256 per item it covers (each deal as known at the run, each plan
 * version's definition, each stored line and total), one per section over its items in key order, and one over the
 * whole. Item digests are kept, not only the section digests, so a verification names what changed rather than only
 * that something did. Decimals are fed without trailing zeros, as {@code RunDigest} does, so a value read back from
 * PostgreSQL at another scale still hashes alike.
 *
 * @param sections each section's items: key → SHA-256 (hex), in key order
 */
record Certificate(Map<String, SortedMap<String, String>> sections) {

	static final String DEALS = "deals";

	static final String PLANS = "plans";

	static final String LINES = "lines";

	static final String TOTALS = "totals";

	static final List<String> SECTION_ORDER = List.of(DEALS, PLANS, LINES, TOTALS);

	/**
	 * One difference between an issued certificate and the stored data now.
	 *
	 * @param section deals, plans, lines or totals
	 * @param item the item's key (deal reference, plan version id, line number, rep)
	 * @param change CHANGED, MISSING (certified, gone now) or ADDED (not certified, there now)
	 */
	record Change(String section, String item, String change) {

		String message() {
			String what = switch (section) {
				case DEALS -> "Deal " + item;
				case PLANS -> "Plan version " + item;
				case LINES -> "Commission line " + Integer.parseInt(item);
				case "run" -> "Run " + item;
				default -> "The total of " + item;
			};
			return switch (change) {
				case "CHANGED" -> what + " changed since the pack was issued";
				case "MISSING" -> what + " is no longer stored";
				default -> what + " was not in the pack";
			};
		}

	}

	static Certificate of(RunEvidence.Evidence evidence) {
		Map<String, SortedMap<String, String>> sections = new LinkedHashMap<>();
		SortedMap<String, String> deals = new TreeMap<>();
		for (CalculationInputs.CreditedDeal deal : evidence.deals()) {
			Fields fields = new Fields().add(deal.dealRef()).add(deal.dealKey().toString()).add(deal.owner()).add(deal.product()).add(deal.region())
				.add(deal.stage()).add(deal.closeDate().toString()).add(deal.amount()).add(deal.arr()).add(deal.currency().getCurrencyCode())
				.add(deal.source());
			deal.splits().forEach(split -> fields.add(split.rep()).add(split.sharePercent()));
			deals.put(deal.dealRef(), fields.hex());
		}
		sections.put(DEALS, deals);
		SortedMap<String, String> plans = new TreeMap<>();
		for (RuleVersion version : evidence.plans()) {
			plans.put(version.id(), new Fields().add(version.id()).add(Integer.toString(version.number())).add(Sha256.hex(version.definitionText()))
				.add(version.validFrom().toString()).add(version.validTo() == null ? null : version.validTo().toString()).hex());
		}
		sections.put(PLANS, plans);
		SortedMap<String, String> lines = new TreeMap<>();
		for (RunEvidence.Line line : evidence.lines()) {
			lines.put(lineKey(line.seq()), new Fields().add(Integer.toString(line.seq())).add(line.rep()).add(line.kind()).add(line.dealKey().toString())
				.add(line.dealRef()).add(line.sharePercent()).add(line.credited()).add(line.amount()).add(line.currency())
				.add(line.tier() == null ? null : line.tier().toString()).add(line.traceJson()).hex());
		}
		sections.put(LINES, lines);
		SortedMap<String, String> totals = new TreeMap<>();
		for (CalculationResult.RepTotal total : evidence.totals()) {
			totals.put(total.rep(), new Fields().add(total.rep()).add(total.versionKey() == null ? null : total.versionKey().toString())
				.add(total.credited()).add(total.rollUpCredited()).add(total.quota()).add(total.attainmentPercent()).add(total.gross())
				.add(total.capAdjustment()).add(total.clawback()).add(total.clawbackCarryIn()).add(total.clawbackCarryOut()).add(total.drawPaid())
				.add(total.drawRecovered()).add(total.drawBalanceOut()).add(total.payable()).add(total.currency().getCurrencyCode()).hex());
		}
		sections.put(TOTALS, totals);
		return new Certificate(sections);
	}

	/** Lines are keyed by their number, zero-padded so that key order is run order. */
	static String lineKey(int seq) {
		return String.format(java.util.Locale.ROOT, "%09d", seq);
	}

	String section(String name) {
		Fields fields = new Fields().add(name);
		sections.getOrDefault(name, new TreeMap<>()).forEach((key, hash) -> fields.add(key).add(hash));
		return fields.hex();
	}

	/** The digest of the whole pack: the run, the rep and every section. */
	String pack(String runId, @Nullable String rep) {
		Fields fields = new Fields().add(runId).add(rep);
		SECTION_ORDER.forEach(name -> fields.add(section(name)));
		return fields.hex();
	}

	/** What differs between this (issued) certificate and one computed now, section by section and in key order. */
	List<Change> compare(Certificate now) {
		List<Change> changes = new ArrayList<>();
		for (String name : SECTION_ORDER) {
			Map<String, String> issued = sections.getOrDefault(name, new TreeMap<>());
			Map<String, String> current = now.sections().getOrDefault(name, new TreeMap<>());
			Set<String> keys = new TreeSet<>(issued.keySet());
			keys.addAll(current.keySet());
			for (String key : keys) {
				String before = issued.get(key);
				String after = current.get(key);
				if (before == null) {
					changes.add(new Change(name, key, "ADDED"));
				}
				else if (after == null) {
					changes.add(new Change(name, key, "MISSING"));
				}
				else if (!before.equals(after)) {
					changes.add(new Change(name, key, "CHANGED"));
				}
			}
		}
		return changes;
	}

	/** The certificate as stored: sections of item digests. */
	Map<String, Object> toJson() {
		return new LinkedHashMap<>(sections);
	}

	@SuppressWarnings("unchecked")
	static Certificate fromJson(Map<String, @Nullable Object> json) {
		Map<String, SortedMap<String, String>> sections = new LinkedHashMap<>();
		for (String name : SECTION_ORDER) {
			SortedMap<String, String> items = new TreeMap<>();
			if (json.get(name) instanceof Map<?, ?> stored) {
				((Map<String, Object>) stored).forEach((key, hash) -> items.put(key, String.valueOf(hash)));
			}
			sections.put(name, items);
		}
		return new Certificate(sections);
	}

	/** Fields fed one by one with a unit separator after each, so that ("ab", "c") and ("a", "bc") differ. */
	private static final class Fields {

		private final MessageDigest sha256 = Sha256.newDigest();

		Fields add(@Nullable String value) {
			sha256.update((value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
			sha256.update((byte) 0x1f);
			return this;
		}

		Fields add(@Nullable BigDecimal value) {
			return add(value == null ? null : value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString());
		}

		String hex() {
			return HexFormat.of().formatHex(sha256.digest());
		}

	}

}
