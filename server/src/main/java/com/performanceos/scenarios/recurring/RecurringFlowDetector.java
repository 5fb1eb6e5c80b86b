package com.performanceos.scenarios.recurring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds recurring flows in bank history: transactions with the same normalised counterparty, the same
 * currency and direction, an amount within {@code amountTolerance} of the group's median, at a regular
 * cadence. Deterministic: groups are visited in key order and the output is sorted.
 *
 * @param amountTolerance the accepted relative distance from the median amount (0.1 is ±10 %)
 * @param minimumOccurrences fewer occurrences than this are not a series (a one-off, or two payments)
 * @param minimumConfidence series below this confidence are not proposed
 */
public record RecurringFlowDetector(BigDecimal amountTolerance, int minimumOccurrences, double minimumConfidence) {

	/** ±10 %, at least three occurrences, confidence of at least 0.6. */
	public static RecurringFlowDetector withDefaults() {
		return new RecurringFlowDetector(new BigDecimal("0.10"), 3, 0.6);
	}

	public RecurringFlowDetector {
		if (amountTolerance.signum() < 0 || minimumOccurrences < 3) {
			throw new IllegalArgumentException("tolerance must be non-negative and a series needs at least three occurrences");
		}
	}

	public List<RecurringSeries> detect(List<BankTransaction> history) {
		Map<String, List<BankTransaction>> groups = new TreeMap<>();
		for (BankTransaction transaction : history) {
			if (transaction.amount().signum() == 0) {
				continue;
			}
			String key = normalise(transaction.counterparty()) + '|' + transaction.currency() + '|' + transaction.amount().signum();
			groups.computeIfAbsent(key, k -> new ArrayList<>()).add(transaction);
		}
		List<RecurringSeries> found = new ArrayList<>();
		for (List<BankTransaction> group : groups.values()) {
			seriesOf(group).ifPresent(found::add);
		}
		found.sort(Comparator.comparing(RecurringSeries::counterpartyKey).thenComparing(RecurringSeries::cadence));
		return List.copyOf(found);
	}

	/**
	 * Upper case, accents and digits removed (references and dates in a bank label), punctuation to
	 * spaces, spaces collapsed: "Loyer SCI Rivoli 03/2026" and "LOYER SCI RIVOLI 04/2026" are one key.
	 */
	public static String normalise(String counterparty) {
		String plain = Normalizer.normalize(counterparty, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return plain.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]+", " ").trim();
	}

	private Optional<RecurringSeries> seriesOf(List<BankTransaction> group) {
		if (group.size() < minimumOccurrences) {
			return Optional.empty();
		}
		BigDecimal median = median(group.stream().map(BankTransaction::amount).toList());
		BigDecimal allowed = median.abs().multiply(amountTolerance);
		List<BankTransaction> matching = group.stream()
			.filter(transaction -> transaction.amount().subtract(median).abs().compareTo(allowed) <= 0)
			.sorted(Comparator.comparing(BankTransaction::bookedOn).thenComparing(BankTransaction::id))
			.toList();
		if (matching.size() < minimumOccurrences) {
			return Optional.empty();
		}
		List<Long> gaps = new ArrayList<>();
		for (int index = 1; index < matching.size(); index++) {
			gaps.add(ChronoUnit.DAYS.between(matching.get(index - 1).bookedOn(), matching.get(index).bookedOn()));
		}
		RecurringSeries best = null;
		for (Cadence cadence : Cadence.values()) {
			long fitting = gaps.stream().filter(cadence::accepts).count();
			double confidence = (double) fitting / gaps.size() * matching.size() / group.size();
			if (fitting + 1 >= minimumOccurrences && confidence >= minimumConfidence
					&& (best == null || confidence > best.confidence())) {
				BankTransaction first = matching.getFirst();
				best = new RecurringSeries(normalise(first.counterparty()), cadence, median(matching.stream().map(BankTransaction::amount).toList()),
						first.currency(), matching.getLast().bookedOn(), confidence,
						matching.stream().map(BankTransaction::id).toList());
			}
		}
		return Optional.ofNullable(best);
	}

	private static BigDecimal median(List<BigDecimal> amounts) {
		List<BigDecimal> sorted = amounts.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return sorted.size() % 2 == 1 ? sorted.get(middle)
				: sorted.get(middle - 1).add(sorted.get(middle)).divide(BigDecimal.TWO, 2, RoundingMode.HALF_EVEN);
	}

}
