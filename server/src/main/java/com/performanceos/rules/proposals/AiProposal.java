package com.performanceos.rules.proposals;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.rules.engine.JsonValues;

/**
 * An AI proposal, never an action (named like the schema's type so that {@code node(id)} resolves it).
 *
 * @param key the primary key
 * @param kind what it proposes
 * @param status where it stands
 * @param target the rule it is for (its name)
 * @param request what the person asked, as they wrote it (never sent as such: the prompt is pseudonymised)
 * @param payloadText the validated proposal as canonical JSON (definition, examples with their outputs, readable text)
 * @param justification why the model proposes it
 * @param model the model name and version that answered
 * @param promptSha256 SHA-256 of the prompt sent, what the audit log records instead of the prompt
 * @param promptTokens tokens of the prompt
 * @param completionTokens tokens of the answer
 * @param queuedReason why it waits for the provider, while QUEUED
 * @param failureReason why the answer was refused, when FAILED
 * @param ruleVersionKey the DRAFT version it became, when ACCEPTED
 * @param requestedBy who asked
 * @param decidedBy who accepted or rejected it
 * @param createdAt when it was asked
 */
public record AiProposal(UUID key, ProposalKind kind, ProposalStatus status, String target, String request, @Nullable String payloadText,
		@Nullable String justification, @Nullable String model, String promptSha256, long promptTokens, long completionTokens,
		@Nullable String queuedReason, @Nullable String failureReason, @Nullable UUID ruleVersionKey, String requestedBy,
		@Nullable String decidedBy, Instant createdAt) {

	static final String TYPE_NAME = "AiProposal";

	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

	/** The payload as JSON values, for the schema's {@code JSON} scalar. */
	public @Nullable Object payload() {
		return payloadText == null ? null : JsonValues.parse(payloadText);
	}

	public long tokenCost() {
		return promptTokens + completionTokens;
	}

}
