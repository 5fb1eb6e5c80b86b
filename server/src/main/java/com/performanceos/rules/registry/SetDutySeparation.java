package com.performanceos.rules.registry;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** {@code setRuleDutySeparation}: the tenant's incompatible duties on rule versions. */
final class SetDutySeparation {

	/** Three duties make three pairs at most. */
	static final int PAIRS_MAX = 3;

	private SetDutySeparation() {
	}

	/** The schema's {@code RuleDutyPairInput}. */
	record PairInput(DutySeparation.Duty first, DutySeparation.Duty second) {
	}

	/** The schema's {@code SetRuleDutySeparationInput}. */
	record Input(List<PairInput> pairs, String justification) {

		List<RulesError> validate() {
			List<RulesError> errors = new ArrayList<>();
			if (pairs.size() > PAIRS_MAX) {
				errors.add(RulesError.invalid("at most " + PAIRS_MAX + " pairs (got " + pairs.size() + ")", "input", "pairs"));
			}
			for (int i = 0; i < pairs.size(); i++) {
				if (pairs.get(i).first() == pairs.get(i).second()) {
					errors.add(RulesError.invalid("a duty is not incompatible with itself: " + pairs.get(i).first(), "input", "pairs",
							Integer.toString(i)));
				}
			}
			if (justification.isBlank() || justification.length() > VersionInput.TEXT_LENGTH_MAX) {
				errors.add(RulesError.invalid("justification must have 1 to " + VersionInput.TEXT_LENGTH_MAX + " characters",
						"input", "justification"));
			}
			return errors;
		}

		List<DutySeparation.Pair> toPairs() {
			return pairs.stream().map(pair -> new DutySeparation.Pair(pair.first(), pair.second())).toList();
		}

	}

	/** The schema's {@code SetRuleDutySeparationPayload}. */
	record Payload(@Nullable DutySeparation separation, List<RulesError> userErrors) {
	}

}
