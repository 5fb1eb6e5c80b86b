package com.performanceos.ledger.journal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import com.performanceos.ledger.dimensions.DimensionCatalog;
import com.performanceos.ledger.dimensions.DimensionValueInput;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.idempotency.IdempotencyKeys;

/** The journal mutations' inputs, as bound to the schema, and their validation. */
final class JournalInputs {

	static final int LINES_MIN = 2;

	static final int LINES_MAX = 1_000;

	static final int BATCH_ENTRIES_MAX = 10_000;

	static final int AMOUNT_SCALE_MAX = 6;

	static final int DESCRIPTION_LENGTH_MAX = 500;

	static final int REFERENCE_LENGTH_MAX = 100;

	static final int MEMO_LENGTH_MAX = 500;

	private JournalInputs() {
	}

	/** The schema's {@code JournalLineInput}. */
	record LineInput(String accountId, EntrySide side, BigDecimal amount, Currency currency, @Nullable String memo,
			@Nullable List<DimensionValueInput> dimensions) {

		/** The dimension values, none when the client left them out. */
		List<DimensionValueInput> dimensionValues() {
			return dimensions == null ? List.of() : dimensions;
		}

	}

	/** The schema's {@code PostJournalEntryInput}. */
	record EntryInput(String idempotencyKey, LocalDate effectiveDate, String description, @Nullable String reference,
			List<LineInput> lines) {

		String fingerprint() {
			StringBuilder fingerprint = new StringBuilder().append(effectiveDate).append('\u001f').append(description.strip())
				.append('\u001f').append(reference == null ? "" : reference);
			for (LineInput line : lines) {
				fingerprint.append('\u001e').append(line.accountId()).append('\u001f').append(line.side()).append('\u001f')
					.append(line.amount().stripTrailingZeros().toPlainString()).append('\u001f')
					.append(line.currency().getCurrencyCode()).append('\u001f').append(line.memo() == null ? "" : line.memo());
				// Only lines with dimensions extend the fingerprint, so keys used before dimensions existed still replay.
				for (DimensionValueInput value : line.dimensionValues()) {
					fingerprint.append('\u001f').append(value.dimension()).append('=').append(value.member());
				}
			}
			return fingerprint.toString();
		}

	}

	/** The schema's {@code PostJournalEntriesInput}. */
	record BatchInput(String idempotencyKey, List<EntryInput> entries) {

		String fingerprint() {
			return entries.stream().map(EntryInput::fingerprint).collect(Collectors.joining("\u001d"));
		}

	}

	/** The schema's {@code ReverseJournalEntryInput}. */
	record ReverseInput(String idempotencyKey, String entryId, @Nullable LocalDate effectiveDate, String reason) {

		String fingerprint() {
			return entryId + '\u001f' + (effectiveDate == null ? "" : effectiveDate) + '\u001f' + reason.strip();
		}

	}

	/** An entry that passed the checks that need no database: shape, bounds, balance. */
	record CheckedEntry(EntryInput input, List<UUID> accountKeys) {
	}

	/**
	 * Decodes account ids once per distinct id for one request: a bulk names the same few accounts
	 * thousands of times, and each decoding is a base64 decode, two pattern matches and a UUID parse.
	 * Holds at most one key per distinct id of the request, which the request's size bounds.
	 */
	static final class AccountIds {

		private final Map<String, Optional<UUID>> decoded = new HashMap<>();

		Optional<UUID> decode(String accountId) {
			return decoded.computeIfAbsent(accountId, id -> GlobalId.decode(id, "Account"));
		}

	}

	static List<JournalError> checkKey(String idempotencyKey, List<String> path) {
		return IdempotencyKeys.problem(idempotencyKey)
			.map(problem -> List.of(JournalError.invalid(append(path, "idempotencyKey"), problem)))
			.orElse(List.of());
	}

	/**
	 * Checks one entry; {@code path} is where the entry sits in the input (e.g. {@code [input]} or
	 * {@code [input, entries, 7]}) so every error names its field exactly.
	 */
	static List<JournalError> check(EntryInput entry, List<String> path, AccountIds accountIds) {
		List<JournalError> errors = new ArrayList<>();
		if (entry.description().isBlank() || entry.description().strip().length() > DESCRIPTION_LENGTH_MAX) {
			errors.add(JournalError.invalid(append(path, "description"),
					"description must have 1 to " + DESCRIPTION_LENGTH_MAX + " characters"));
		}
		if (entry.reference() != null && entry.reference().length() > REFERENCE_LENGTH_MAX) {
			errors.add(JournalError.invalid(append(path, "reference"), "reference must have at most " + REFERENCE_LENGTH_MAX + " characters"));
		}
		if (entry.lines().size() < LINES_MIN || entry.lines().size() > LINES_MAX) {
			errors.add(JournalError.invalid(append(path, "lines"),
					"an entry needs " + LINES_MIN + " to " + LINES_MAX + " lines, got " + entry.lines().size()));
			return errors;
		}
		for (int index = 0; index < entry.lines().size(); index++) {
			LineInput line = entry.lines().get(index);
			List<String> linePath = append(path, "lines", String.valueOf(index));
			if (accountIds.decode(line.accountId()).isEmpty()) {
				errors.add(new JournalError(JournalError.Code.UNKNOWN_ACCOUNT, "Not an account id: " + line.accountId(),
						append(linePath, "accountId")));
			}
			if (line.amount().signum() <= 0) {
				errors.add(JournalError.invalid(append(linePath, "amount"), "amount must be strictly positive"));
			}
			else if (line.amount().stripTrailingZeros().scale() > AMOUNT_SCALE_MAX) {
				errors.add(JournalError.invalid(append(linePath, "amount"), "amount has more than " + AMOUNT_SCALE_MAX + " decimals"));
			}
			if (line.memo() != null && line.memo().length() > MEMO_LENGTH_MAX) {
				errors.add(JournalError.invalid(append(linePath, "memo"), "memo must have at most " + MEMO_LENGTH_MAX + " characters"));
			}
			String dimensionProblem = DimensionCatalog.checkShape(line.dimensionValues());
			if (dimensionProblem != null) {
				errors.add(JournalError.invalid(append(linePath, "dimensions"), dimensionProblem));
			}
		}
		if (errors.isEmpty()) {
			errors.addAll(checkBalance(entry, path));
		}
		return errors;
	}

	private static List<JournalError> checkBalance(EntryInput entry, List<String> path) {
		Map<String, BigDecimal> net = new TreeMap<>();
		for (LineInput line : entry.lines()) {
			BigDecimal signed = line.side() == EntrySide.DEBIT ? line.amount() : line.amount().negate();
			net.merge(line.currency().getCurrencyCode(), signed, BigDecimal::add);
		}
		List<JournalError> errors = new ArrayList<>();
		net.forEach((currency, difference) -> {
			if (difference.signum() != 0) {
				errors.add(new JournalError(JournalError.Code.UNBALANCED_ENTRY, "Debits and credits differ by "
						+ difference.abs().toPlainString() + " " + currency + " (debits exceed credits: " + (difference.signum() > 0) + ")",
						append(path, "lines")));
			}
		});
		return errors;
	}

	/** The account keys of an entry that passed {@link #check}. */
	static CheckedEntry checked(EntryInput input, AccountIds accountIds) {
		List<UUID> keys = new ArrayList<>(input.lines().size());
		for (LineInput line : input.lines()) {
			keys.add(accountIds.decode(line.accountId()).orElseThrow());
		}
		return new CheckedEntry(input, keys);
	}

	static List<String> append(List<String> path, String... segments) {
		List<String> extended = new ArrayList<>(path.size() + segments.length);
		extended.addAll(path);
		extended.addAll(List.of(segments));
		return List.copyOf(extended);
	}

}
