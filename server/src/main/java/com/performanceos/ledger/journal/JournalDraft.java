package com.performanceos.ledger.journal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.ledger.dimensions.DimensionCatalog;
import com.performanceos.ledger.dimensions.DimensionValueInput;
import com.performanceos.platform.graphql.Money;

/**
 * A journal entry about to be posted, in domain terms (account keys, {@link Money}), and the rules
 * it must satisfy before it reaches the database: its bounds, strictly positive amounts and
 * debits equal to credits in every currency. Every way into the journal (the GraphQL mutations,
 * imports, bank categorisation) checks its entries here, so each rule exists once.
 *
 * @param effectiveDate the day the entry takes effect (its month must be open)
 * @param description what the entry records
 * @param reference the source document, if any
 * @param lines the lines, in order
 */
public record JournalDraft(LocalDate effectiveDate, String description, @Nullable String reference, List<Line> lines) {

	/** Fewest lines of an entry: one debit and one credit. */
	public static final int LINES_MIN = 2;

	/** Most lines of an entry. */
	public static final int LINES_MAX = 1_000;

	/** Most decimals of an amount. */
	public static final int AMOUNT_SCALE_MAX = 6;

	/** Longest description. */
	public static final int DESCRIPTION_LENGTH_MAX = 500;

	/** Longest reference. */
	public static final int REFERENCE_LENGTH_MAX = 100;

	/** Longest memo of a line. */
	public static final int MEMO_LENGTH_MAX = 500;

	public JournalDraft {
		Objects.requireNonNull(effectiveDate, "effectiveDate");
		Objects.requireNonNull(description, "description");
		lines = List.copyOf(lines);
	}

	/**
	 * A line to post, with the dimension values it carries (named by codes; an unknown one refuses
	 * the entry with {@code UNKNOWN_DIMENSION_MEMBER}).
	 */
	public record Line(UUID accountKey, EntrySide side, Money amount, @Nullable String memo, List<DimensionValueInput> dimensions) {

		public Line {
			Objects.requireNonNull(accountKey, "accountKey");
			Objects.requireNonNull(side, "side");
			Objects.requireNonNull(amount, "amount");
			dimensions = List.copyOf(dimensions);
		}

		/** A line without dimension values. */
		public Line(UUID accountKey, EntrySide side, Money amount, @Nullable String memo) {
			this(accountKey, side, amount, memo, List.of());
		}

		/** The amount with the sign of its side: debits positive, credits negative. */
		BigDecimal signed() {
			return side == EntrySide.DEBIT ? amount.amount() : amount.amount().negate();
		}

	}

	/**
	 * The problems that need no database, in the order of the entry's fields and lines; empty when
	 * the entry may be posted (the accounts, dimension values and period are checked against the
	 * database afterwards). The balance is checked only when every line is well formed.
	 */
	public List<JournalProblem> problems() {
		List<JournalProblem> problems = new ArrayList<>();
		if (description.isBlank() || description.strip().length() > DESCRIPTION_LENGTH_MAX) {
			problems.add(JournalProblem.ofEntry(JournalErrorCode.INVALID_INPUT, JournalProblem.Field.DESCRIPTION,
					"description must have 1 to " + DESCRIPTION_LENGTH_MAX + " characters"));
		}
		if (reference != null && reference.length() > REFERENCE_LENGTH_MAX) {
			problems.add(JournalProblem.ofEntry(JournalErrorCode.INVALID_INPUT, JournalProblem.Field.REFERENCE,
					"reference must have at most " + REFERENCE_LENGTH_MAX + " characters"));
		}
		if (lines.size() < LINES_MIN || lines.size() > LINES_MAX) {
			problems.add(JournalProblem.ofEntry(JournalErrorCode.INVALID_INPUT, JournalProblem.Field.LINES,
					"an entry needs " + LINES_MIN + " to " + LINES_MAX + " lines, got " + lines.size()));
			return problems;
		}
		for (int index = 0; index < lines.size(); index++) {
			problems.addAll(lineProblems(index, lines.get(index)));
		}
		if (problems.isEmpty()) {
			imbalances(net()).forEach(difference -> problems.add(JournalProblem.ofEntry(JournalErrorCode.UNBALANCED_ENTRY,
					JournalProblem.Field.LINES, "Debits and credits differ by " + difference.amount().abs().toPlainString() + " "
							+ difference.currency().getCurrencyCode() + " (debits exceed credits: " + (difference.amount().signum() > 0) + ")")));
		}
		return problems;
	}

	private static List<JournalProblem> lineProblems(int index, Line line) {
		List<JournalProblem> problems = new ArrayList<>();
		if (line.amount().amount().signum() <= 0) {
			problems.add(JournalProblem.ofLine(JournalErrorCode.INVALID_INPUT, index, JournalProblem.Field.AMOUNT,
					"amount must be strictly positive"));
		}
		else if (line.amount().amount().stripTrailingZeros().scale() > AMOUNT_SCALE_MAX) {
			problems.add(JournalProblem.ofLine(JournalErrorCode.INVALID_INPUT, index, JournalProblem.Field.AMOUNT,
					"amount has more than " + AMOUNT_SCALE_MAX + " decimals"));
		}
		if (line.memo() != null && line.memo().length() > MEMO_LENGTH_MAX) {
			problems.add(JournalProblem.ofLine(JournalErrorCode.INVALID_INPUT, index, JournalProblem.Field.MEMO,
					"memo must have at most " + MEMO_LENGTH_MAX + " characters"));
		}
		String dimensionProblem = DimensionCatalog.checkShape(line.dimensions());
		if (dimensionProblem != null) {
			problems.add(JournalProblem.ofLine(JournalErrorCode.INVALID_INPUT, index, JournalProblem.Field.DIMENSIONS, dimensionProblem));
		}
		return problems;
	}

	/** Debits minus credits per currency. */
	Map<Currency, BigDecimal> net() {
		Map<Currency, BigDecimal> net = newNet();
		lines.forEach(line -> net.merge(line.amount().currency(), line.signed(), BigDecimal::add));
		return net;
	}

	/** An empty net per currency, ordered by currency code, for {@link #imbalances}. */
	public static Map<Currency, BigDecimal> newNet() {
		return new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
	}

	/**
	 * The balance rule, the one definition of it: the currencies whose debits minus credits are not
	 * zero, with that difference (positive when debits exceed credits). Empty when balanced.
	 */
	public static List<Money> imbalances(Map<Currency, BigDecimal> net) {
		List<Money> differences = new ArrayList<>();
		net.forEach((currency, difference) -> {
			if (difference.signum() != 0) {
				differences.add(new Money(difference, currency));
			}
		});
		return differences;
	}

}
