package com.performanceos.rules.proposals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.idempotency.IdempotencyKeys;

/** {@code proposePlan}: a sentence becomes a proposed plan (or a QUEUED proposal while the provider is down). */
final class ProposePlan {

	static final String OPERATION = "rules.proposePlan";

	static final int SENTENCE_LENGTH_MAX = 2_000;

	/** The registry's rule names. */
	private static final Pattern RULE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

	private ProposePlan() {
	}

	/** The schema's {@code ProposePlanInput}. */
	record Input(String idempotencyKey, String sentence, String ruleName) {

		String fingerprint() {
			return String.join("\u001f", sentence, ruleName);
		}

		List<ProposalsError> validate() {
			List<ProposalsError> errors = new ArrayList<>();
			IdempotencyKeys.problem(idempotencyKey).ifPresent(problem -> errors.add(ProposalsError.invalid(problem, "input", "idempotencyKey")));
			if (sentence.isBlank() || sentence.length() > SENTENCE_LENGTH_MAX) {
				errors.add(ProposalsError.invalid("sentence must have 1 to " + SENTENCE_LENGTH_MAX + " characters", "input", "sentence"));
			}
			if (!RULE_NAME.matcher(ruleName).matches()) {
				errors.add(ProposalsError.invalid("ruleName must be 1 to 100 letters, digits, dots, dashes or underscores", "input", "ruleName"));
			}
			return errors;
		}

	}

	/** The schema's {@code ProposePlanPayload}. */
	record Payload(@Nullable AiProposal proposal, List<ProposalsError> userErrors) {

		static Payload of(AiProposal proposal) {
			return new Payload(proposal, List.of());
		}

		static Payload failed(List<ProposalsError> errors) {
			return new Payload(null, errors);
		}

	}

}
