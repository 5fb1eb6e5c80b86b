package com.performanceos.rules.proposals;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.idempotency.IdempotencyKeys;

/**
 * The schema's {@code ProposalsError}: a business refusal of a proposals mutation.
 *
 * @param code why
 * @param message a sentence
 * @param field the input path at fault, when there is one
 */
record ProposalsError(ProposalsErrorCode code, String message, @Nullable List<String> field) {

	static ProposalsError invalid(String message, String... path) {
		return new ProposalsError(ProposalsErrorCode.INVALID_INPUT, message, List.of(path));
	}

	static ProposalsError conflict() {
		return new ProposalsError(ProposalsErrorCode.IDEMPOTENCY_CONFLICT, IdempotencyKeys.CONFLICT_MESSAGE, List.of("input", "idempotencyKey"));
	}

	static ProposalsError notFound() {
		return new ProposalsError(ProposalsErrorCode.PROPOSAL_NOT_FOUND, "No proposal with this id", List.of("input", "proposalId"));
	}

}
