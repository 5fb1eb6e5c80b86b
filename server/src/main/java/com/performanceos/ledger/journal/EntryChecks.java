package com.performanceos.ledger.journal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.Money;
import com.performanceos.platform.idempotency.IdempotencyKeys;

/**
 * The GraphQL edge of the journal rules, shared by the posting mutations: an entry input decoded into a
 * {@link JournalDraft}, and the draft's typed problems turned into user errors at their input paths.
 */
final class EntryChecks {

	/** Stands for an account id that does not decode, so the rest of its entry is still checked. */
	private static final UUID NO_ACCOUNT = new UUID(0, 0);

	private EntryChecks() {
	}

	/** An entry input as a draft, or the errors (at their input paths) that keep it from being one. */
	record Drafted(@Nullable JournalDraft draft, List<JournalError> errors) {
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
	 * Turns one entry input into a draft and checks it; {@code path} is where the entry sits in the
	 * input (e.g. {@code [input]} or {@code [input, entries, 7]}) so every error names its field
	 * exactly. The rules are the draft's; only the decoding of account ids belongs to the schema.
	 */
	static Drafted draft(PostJournalEntry.Input entry, List<String> path, AccountIds accountIds) {
		List<JournalError> undecodable = new ArrayList<>();
		List<JournalDraft.Line> lines = new ArrayList<>(entry.lines().size());
		for (int index = 0; index < entry.lines().size(); index++) {
			JournalLineInput line = entry.lines().get(index);
			Optional<UUID> accountKey = accountIds.decode(line.accountId());
			if (accountKey.isEmpty()) {
				undecodable.add(new JournalError(JournalErrorCode.UNKNOWN_ACCOUNT, "Not an account id: " + line.accountId(),
						append(path, "lines", String.valueOf(index), "accountId")));
			}
			lines.add(new JournalDraft.Line(accountKey.orElse(NO_ACCOUNT), line.side(), new Money(line.amount(), line.currency()),
					line.memo(), line.dimensionValues()));
		}
		JournalDraft draft = new JournalDraft(entry.effectiveDate(), entry.description(), entry.reference(), lines);
		List<JournalProblem> problems = draft.problems();
		boolean lineCountWrong = problems.stream().anyMatch(problem -> problem.field() == JournalProblem.Field.LINES
				&& problem.code() == JournalErrorCode.INVALID_INPUT);
		List<JournalError> errors = new ArrayList<>();
		for (JournalProblem problem : problems) {
			// As before drafts existed: a wrong line count hides the lines' own errors, and any error hides the balance.
			if (problem.code() != JournalErrorCode.UNBALANCED_ENTRY || undecodable.isEmpty()) {
				errors.add(error(problem, path));
			}
		}
		if (!lineCountWrong) {
			errors.addAll(undecodable);
		}
		return new Drafted(errors.isEmpty() ? draft : null, errors);
	}

	/** A journal problem as a user error, at its path below {@code entryPath}: the GraphQL edge of the journal rules. */
	static JournalError error(JournalProblem problem, List<String> entryPath) {
		List<String> path = new ArrayList<>(entryPath);
		if (problem.lineIndex() != JournalProblem.ENTRY) {
			path.add("lines");
			path.add(String.valueOf(problem.lineIndex()));
		}
		path.add(switch (problem.field()) {
			case DESCRIPTION -> "description";
			case REFERENCE -> "reference";
			case EFFECTIVE_DATE -> "effectiveDate";
			case LINES -> "lines";
			case ACCOUNT -> "accountId";
			case AMOUNT -> "amount";
			case CURRENCY -> "currency";
			case MEMO -> "memo";
			case DIMENSIONS -> "dimensions";
		});
		if (problem.valueIndex() != JournalProblem.ENTRY) {
			path.add(String.valueOf(problem.valueIndex()));
		}
		return new JournalError(problem.code(), problem.message(), List.copyOf(path));
	}

	static List<String> append(List<String> path, String... segments) {
		List<String> extended = new ArrayList<>(path.size() + segments.length);
		extended.addAll(path);
		extended.addAll(List.of(segments));
		return List.copyOf(extended);
	}

}
