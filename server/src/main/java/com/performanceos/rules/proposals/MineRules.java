package com.performanceos.rules.proposals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.idempotency.IdempotencyKeys;
import com.performanceos.rules.commissions.plans.AssignCommissionPlan;

/** {@code mineRulesFromHistory}: the rates that explain a span of past payouts, proposed as a decision table. */
final class MineRules {

	static final String OPERATION = "rules.mineRulesFromHistory";

	/** The longest span mined at once, in months. */
	static final int MONTHS_MAX = 24;

	private static final Pattern RULE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

	private MineRules() {
	}

	/** The schema's {@code MineRulesFromHistoryInput}. */
	record Input(String idempotencyKey, String fromPeriod, String toPeriod, String ruleName) {

		String fingerprint() {
			return String.join("\u001f", fromPeriod, toPeriod, ruleName);
		}

		List<ProposalsError> validate() {
			List<ProposalsError> errors = new ArrayList<>();
			IdempotencyKeys.problem(idempotencyKey).ifPresent(problem -> errors.add(ProposalsError.invalid(problem, "input", "idempotencyKey")));
			boolean periods = true;
			for (String[] period : List.of(new String[] { fromPeriod, "fromPeriod" }, new String[] { toPeriod, "toPeriod" })) {
				if (!AssignCommissionPlan.PERIOD.matcher(period[0]).matches()) {
					errors.add(ProposalsError.invalid(period[1] + " is a month written YYYY-MM", "input", period[1]));
					periods = false;
				}
			}
			if (periods) {
				long months = java.time.temporal.ChronoUnit.MONTHS.between(java.time.YearMonth.parse(fromPeriod), java.time.YearMonth.parse(toPeriod));
				if (months < 0 || months >= MONTHS_MAX) {
					errors.add(ProposalsError.invalid("toPeriod must be fromPeriod or up to " + (MONTHS_MAX - 1) + " months after it", "input",
							"toPeriod"));
				}
			}
			if (!RULE_NAME.matcher(ruleName).matches()) {
				errors.add(ProposalsError.invalid("ruleName must be 1 to 100 letters, digits, dots, dashes or underscores", "input", "ruleName"));
			}
			return errors;
		}

	}

	/** The schema's {@code MineRulesFromHistoryPayload}. */
	record Payload(@Nullable AiProposal proposal, List<ProposalsError> userErrors) {

		static Payload of(AiProposal proposal) {
			return new Payload(proposal, List.of());
		}

		static Payload failed(List<ProposalsError> errors) {
			return new Payload(null, errors);
		}

	}

}
