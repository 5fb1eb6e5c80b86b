package com.performanceos.rules.commissions.plans;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import com.performanceos.rules.commissions.CommissionsError;

/** {@code assignCommissionPlan}: a published plan version pays these reps in this month. */
public final class AssignCommissionPlan {

	static final int REPS_PER_CALL_MAX = 1_000;

	/** How a period is written. */
	public static final java.util.regex.Pattern PERIOD = java.util.regex.Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");

	private AssignCommissionPlan() {
	}

	public record Input(String planVersionId, String period, List<String> reps) {

		public List<CommissionsError> validate() {
			List<CommissionsError> errors = new ArrayList<>();
			if (!PERIOD.matcher(period).matches()) {
				errors.add(CommissionsError.invalid("a month written YYYY-MM", "period"));
			}
			if (reps.isEmpty() || reps.size() > REPS_PER_CALL_MAX || new HashSet<>(reps).size() != reps.size()
					|| reps.stream().anyMatch(rep -> rep.isBlank() || rep.length() > 200)) {
				errors.add(CommissionsError.invalid("1 to " + REPS_PER_CALL_MAX + " distinct rep codes", "reps"));
			}
			return errors;
		}

	}

	public record Payload(int assigned, List<CommissionsError> userErrors) {

		public static Payload failed(List<CommissionsError> errors) {
			return new Payload(0, errors);
		}

	}

}
