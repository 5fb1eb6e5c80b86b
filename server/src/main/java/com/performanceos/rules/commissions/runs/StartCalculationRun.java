package com.performanceos.rules.commissions.runs;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.idempotency.IdempotencyKeys;
import com.performanceos.rules.commissions.CommissionsError;
import com.performanceos.rules.commissions.plans.AssignCommissionPlan;

/** {@code startCalculationRun}: a run of a month as the sales data was known at an instant (now by default). */
final class StartCalculationRun {

	static final String OPERATION = "commissions.startCalculationRun";

	private StartCalculationRun() {
	}

	record Input(String idempotencyKey, String period, @Nullable OffsetDateTime knownAt) {

		String fingerprint() {
			return period + '\u001f' + (knownAt == null ? "" : knownAt.toInstant().toString());
		}

		List<CommissionsError> validate(Instant now) {
			List<CommissionsError> errors = new ArrayList<>();
			IdempotencyKeys.problem(idempotencyKey).ifPresent(problem -> errors.add(CommissionsError.invalid(problem, "idempotencyKey")));
			if (!AssignCommissionPlan.PERIOD.matcher(period).matches()) {
				errors.add(CommissionsError.invalid("a month written YYYY-MM", "period"));
			}
			if (knownAt != null && knownAt.toInstant().isAfter(now)) {
				errors.add(CommissionsError.invalid("knownAt is not in the future: nobody knows the data of tomorrow", "knownAt"));
			}
			return errors;
		}

	}

	/**
	 * The schema's {@code StartCalculationRunPayload}.
	 * @param fresh whether this call created the run (a replay of the key does not submit it again); not in the schema
	 */
	record Payload(@Nullable CalculationRun run, List<CommissionsError> userErrors, boolean fresh) {

		static Payload failed(List<CommissionsError> errors) {
			return new Payload(null, errors, false);
		}

	}

}
