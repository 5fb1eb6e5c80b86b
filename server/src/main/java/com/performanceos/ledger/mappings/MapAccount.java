package com.performanceos.ledger.mappings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.idempotency.IdempotencyKeys;

/** {@code mapAccount}: its input, error codes and payload, as bound to the schema. */
final class MapAccount {

	static final String OPERATION = "ledger.mapAccount";

	static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9_]{1,30}");

	static final int SOURCE_CODE_LENGTH_MAX = 50;

	static final int LABEL_LENGTH_MAX = 200;

	private MapAccount() {
	}

	/** The schema's {@code MapAccountInput}. */
	record Input(String idempotencyKey, String source, String sourceCode, @Nullable String label, String accountId) {

		/** Source charts are named case-insensitively: {@code sage} and {@code SAGE} are one chart. */
		String normalisedSource() {
			return source.toUpperCase(Locale.ROOT);
		}

		@Nullable String normalisedLabel() {
			return label == null || label.isBlank() ? null : label.strip();
		}

		String fingerprint() {
			return String.join("\u001f", normalisedSource(), sourceCode, normalisedLabel() == null ? "" : normalisedLabel(), accountId);
		}

		List<Error> validate() {
			List<Error> errors = new ArrayList<>();
			IdempotencyKeys.problem(idempotencyKey).ifPresent(problem -> errors.add(Error.invalid("idempotencyKey", problem)));
			if (!SOURCE.matcher(source).matches()) {
				errors.add(Error.invalid("source", "source must be 1 to 30 letters, digits or underscores"));
			}
			if (sourceCode.isBlank() || sourceCode.length() > SOURCE_CODE_LENGTH_MAX || !sourceCode.equals(sourceCode.strip())
					|| sourceCode.contains("\u001f")) {
				errors.add(Error.invalid("sourceCode", "sourceCode must have 1 to " + SOURCE_CODE_LENGTH_MAX
						+ " characters without surrounding spaces"));
			}
			if (label != null && label.strip().length() > LABEL_LENGTH_MAX) {
				errors.add(Error.invalid("label", "label must have at most " + LABEL_LENGTH_MAX + " characters"));
			}
			return errors;
		}

	}

	/** The schema's {@code MapAccountErrorCode}. */
	enum ErrorCode {

		INVALID_INPUT, IDEMPOTENCY_CONFLICT, UNKNOWN_ACCOUNT, DUPLICATE_MAPPING

	}

	/** The schema's {@code MapAccountError}. */
	record Error(ErrorCode code, String message, @Nullable List<String> field) {

		static Error invalid(String inputField, String message) {
			return new Error(ErrorCode.INVALID_INPUT, message, List.of("input", inputField));
		}

	}

	/** The schema's {@code MapAccountPayload}. */
	record Payload(@Nullable AccountMapping mapping, List<Error> userErrors) {

		static Payload failed(Error... errors) {
			return new Payload(null, List.of(errors));
		}

	}

}
