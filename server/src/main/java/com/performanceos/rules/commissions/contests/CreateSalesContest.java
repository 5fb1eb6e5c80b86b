package com.performanceos.rules.commissions.contests;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.idempotency.IdempotencyKeys;
import com.performanceos.rules.commissions.CommissionsError;
import com.performanceos.rules.engine.RuleDefinitionException;

/** {@code createSalesContest}: a leaderboard over days by a CEL metric. */
final class CreateSalesContest {

	static final String OPERATION = "commissions.createSalesContest";

	/** The longest name, in characters. */
	static final int NAME_MAX = 200;

	/** The longest contest, in days: a year (a leap one) at most. */
	static final int DAYS_MAX = 366;

	private CreateSalesContest() {
	}

	record Input(String idempotencyKey, String name, LocalDate startsOn, LocalDate endsOn, String metric) {

		String fingerprint() {
			return String.join("\u001f", name.strip(), startsOn.toString(), endsOn.toString(), metric);
		}

		List<CommissionsError> validate() {
			List<CommissionsError> errors = new ArrayList<>();
			IdempotencyKeys.problem(idempotencyKey).ifPresent(problem -> errors.add(CommissionsError.invalid(problem, "idempotencyKey")));
			if (name.isBlank() || name.strip().length() > NAME_MAX) {
				errors.add(CommissionsError.invalid("a name of 1 to " + NAME_MAX + " characters", "name"));
			}
			if (endsOn.isBefore(startsOn) || ChronoUnit.DAYS.between(startsOn, endsOn) > DAYS_MAX) {
				errors.add(CommissionsError.invalid("an end on or after the start, at most " + DAYS_MAX + " days later", "endsOn"));
			}
			try {
				ContestMetric.compile(metric);
			}
			catch (RuleDefinitionException ex) {
				errors.add(CommissionsError.invalid("a CEL expression over " + String.join(", ", ContestMetric.VARIABLES.keySet())
						+ " answering an amount: " + ex.getMessage(), "metric"));
			}
			return errors;
		}

	}

	/** The schema's {@code CreateSalesContestPayload}. */
	record Payload(@Nullable SalesContest contest, List<CommissionsError> userErrors) {

		static Payload failed(List<CommissionsError> errors) {
			return new Payload(null, errors);
		}

	}

}
