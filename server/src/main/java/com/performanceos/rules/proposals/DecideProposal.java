package com.performanceos.rules.proposals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.performanceos.rules.registry.RuleVersion;

/** {@code acceptProposal} and {@code rejectProposal}: a person's decision on a proposal. */
final class DecideProposal {

	static final int NOTE_LENGTH_MAX = 2_000;

	private DecideProposal() {
	}

	/**
	 * The schema's {@code AcceptProposalInput}: optionally with the person's edit of the definition and examples, which
	 * are checked again; the version's interval starts on {@code validFrom} (default: the first of this month).
	 */
	record AcceptInput(String proposalId, @Nullable Object definition, @Nullable Object examples, @Nullable LocalDate validFrom,
			@Nullable String note) {

		List<ProposalsError> validate() {
			List<ProposalsError> errors = new ArrayList<>();
			if (note != null && (note.isBlank() || note.length() > NOTE_LENGTH_MAX)) {
				errors.add(ProposalsError.invalid("note must have 1 to " + NOTE_LENGTH_MAX + " characters", "input", "note"));
			}
			return errors;
		}

		boolean edited() {
			return definition != null || examples != null;
		}

	}

	/** The schema's {@code RejectProposalInput}. */
	record RejectInput(String proposalId, String reason) {

		List<ProposalsError> validate() {
			return reason.isBlank() || reason.length() > NOTE_LENGTH_MAX
					? List.of(ProposalsError.invalid("reason must have 1 to " + NOTE_LENGTH_MAX + " characters", "input", "reason"))
					: List.of();
		}

	}

	/** The schema's {@code DecideProposalPayload}. */
	record Payload(@Nullable AiProposal proposal, @Nullable RuleVersion ruleVersion, List<ProposalsError> userErrors) {

		static Payload failed(ProposalsError error) {
			return new Payload(null, null, List.of(error));
		}

		static Payload failed(List<ProposalsError> errors) {
			return new Payload(null, null, errors);
		}

	}

}
