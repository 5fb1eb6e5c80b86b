package com.performanceos.ledger.periods;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.idempotency.IdempotencyKeys;

/** {@code closePeriod} and {@code reopenPeriod}: inputs, error codes and payloads, as bound to the schema. */
final class PeriodInputs {

	static final String CLOSE_OPERATION = "ledger.closePeriod";

	static final int JUSTIFICATION_LENGTH_MIN = 10;

	static final int JUSTIFICATION_LENGTH_MAX = 1_000;

	/** Years a period may belong to; a typo such as 20026 is refused rather than stored. */
	static final int YEAR_MIN = 2000;

	static final int YEAR_MAX = 2100;

	private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

	private PeriodInputs() {
	}

	/** The month of a {@code YYYY-MM} string within the accepted years; empty otherwise. */
	static Optional<YearMonth> parseMonth(String month) {
		if (!MONTH.matcher(month).matches()) {
			return Optional.empty();
		}
		try {
			YearMonth parsed = YearMonth.parse(month);
			return parsed.getYear() < YEAR_MIN || parsed.getYear() > YEAR_MAX ? Optional.empty() : Optional.of(parsed);
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	/** The schema's {@code ClosePeriodInput}. */
	record CloseInput(String idempotencyKey, String month) {

		List<Error> validate() {
			List<Error> errors = new ArrayList<>();
			IdempotencyKeys.problem(idempotencyKey).ifPresent(problem -> errors.add(Error.invalid("idempotencyKey", problem)));
			if (parseMonth(month).isEmpty()) {
				errors.add(invalidMonth());
			}
			return errors;
		}

	}

	/** The schema's {@code ReopenPeriodInput}. */
	record ReopenInput(String month, String justification) {

		List<Error> validate() {
			List<Error> errors = new ArrayList<>();
			if (parseMonth(month).isEmpty()) {
				errors.add(invalidMonth());
			}
			int length = justification.strip().length();
			if (length < JUSTIFICATION_LENGTH_MIN || length > JUSTIFICATION_LENGTH_MAX) {
				errors.add(Error.invalid("justification", "justification must have " + JUSTIFICATION_LENGTH_MIN + " to "
						+ JUSTIFICATION_LENGTH_MAX + " characters, got " + length));
			}
			return errors;
		}

	}

	/** The schema's {@code PeriodErrorCode}. */
	enum ErrorCode {

		INVALID_INPUT, IDEMPOTENCY_CONFLICT, PERIOD_ALREADY_CLOSED, PERIOD_NOT_CLOSED

	}

	/** The schema's {@code PeriodError}. */
	record Error(ErrorCode code, String message, @Nullable List<String> field) {

		static Error invalid(String inputField, String message) {
			return new Error(ErrorCode.INVALID_INPUT, message, List.of("input", inputField));
		}

	}

	/** The schema's {@code ClosePeriodPayload}. */
	record ClosePayload(@Nullable Period period, @Nullable CloseCertificate certificate, List<Error> userErrors) {

		static ClosePayload failed(Error... errors) {
			return new ClosePayload(null, null, List.of(errors));
		}

	}

	/** The schema's {@code ReopenPeriodPayload}. */
	record ReopenPayload(@Nullable Period period, List<Error> userErrors) {

		static ReopenPayload failed(Error... errors) {
			return new ReopenPayload(null, List.of(errors));
		}

	}

	private static Error invalidMonth() {
		return Error.invalid("month", "month must be YYYY-MM between " + YEAR_MIN + " and " + YEAR_MAX);
	}

}
