package com.performanceos.rules.proposals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import com.performanceos.platform.ai.AiAnswer;
import com.performanceos.platform.ai.AiAnswers;
import com.performanceos.platform.ai.AiClient;
import com.performanceos.platform.ai.AiModels;
import com.performanceos.platform.ai.AiModule;
import com.performanceos.platform.ai.AiPrompt;
import com.performanceos.platform.ai.AiQueue;
import com.performanceos.platform.ai.AiResult;
import com.performanceos.platform.ai.PromptPseudonyms;
import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.mutations.Idempotency;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.rules.registry.RuleDrafts;

/**
 * Proposals from the model, decided by people. Asking calls the model outside any transaction (bounded by the AI
 * client's timeout, or not at all while its breaker is open), then stores the proposal on the mutation template: as
 * PROPOSED or FAILED when the model answered, as QUEUED with the reason and a queued request in the same transaction
 * when it did not. Accepting writes a DRAFT rule version with origin AI through the registry's {@link RuleDrafts}.
 * The audit log records the prompt's digest, never the prompt.
 */
@Service
class ProposalService implements AiAnswers {

	static final String PURPOSE = "rules.plan";

	private final Mutations mutations;

	private final ProposalStore store;

	private final AiClient ai;

	private final AiQueue queue;

	private final PromptPseudonyms pseudonyms;

	private final RuleDrafts drafts;

	private final AiModels models;

	ProposalService(Mutations mutations, ProposalStore store, AiClient ai, AiQueue queue, PromptPseudonyms pseudonyms, RuleDrafts drafts,
			AiModels models) {
		this.models = models;
		this.mutations = mutations;
		this.store = store;
		this.ai = ai;
		this.queue = queue;
		this.pseudonyms = pseudonyms;
		this.drafts = drafts;
	}

	Mono<ProposePlan.Payload> proposePlan(Viewer viewer, ProposePlan.Input input, @Nullable String sourceAddress) {
		List<ProposalsError> invalid = input.validate();
		if (!invalid.isEmpty()) {
			return Mono.just(ProposePlan.Payload.failed(invalid));
		}
		AiPrompt prompt = PlanFromSentence.prompt(pseudonyms.pseudonymise(viewer.tenant(), input.sentence(), List.of()));
		return ai.ask(viewer.tenant(), AiModule.RULES, prompt).flatMap(result -> switch (result) {
			case AiResult.Disabled disabled -> Mono.just(ProposePlan.Payload.failed(List.of(new ProposalsError(ProposalsErrorCode.AI_DISABLED,
					disabled.reason(), null))));
			case AiResult.Blocked blocked -> Mono.error(new GraphQlException(ErrorCode.AI_BUDGET_EXCEEDED, blocked.reason()));
			case AiResult.Answered answered -> store(viewer, input, prompt, answered(input, prompt, viewer, answered.answer()), null,
					sourceAddress);
			case AiResult.Unavailable unavailable -> store(viewer, input, prompt, queued(input, prompt, viewer, unavailable.reason()),
					unavailable.reason(), sourceAddress);
		});
	}

	private Mono<ProposePlan.Payload> store(Viewer viewer, ProposePlan.Input input, AiPrompt prompt, AiProposal proposal,
			@Nullable String queuedReason, @Nullable String sourceAddress) {
		boolean[] outageOpened = { false };
		return mutations.idempotent(viewer.tenant(), new Idempotency<>(ProposePlan.OPERATION, input.idempotencyKey(), input.fingerprint(),
				() -> ProposePlan.Payload.failed(List.of(ProposalsError.conflict())),
				(tx, key) -> store.find(tx.db(), key, false).map(ProposePlan.Payload::of)),
				tx -> store.insert(tx, proposal)
					.flatMap(stored -> (queuedReason == null ? Mono.just(false)
							: queue.enqueue(tx, AiModule.RULES, PURPOSE, stored.key(), prompt, queuedReason))
						.map(opened -> {
							outageOpened[0] = opened;
							return Outcome.committed(ProposePlan.Payload.of(stored), stored.key(),
									audit(viewer, "rules.proposal.requested", stored, sourceAddress, null));
						})))
			.doOnSuccess(payload -> queue.alertAfterCommit(viewer.tenant(), outageOpened[0], String.valueOf(queuedReason)));
	}

	private AiProposal queued(ProposePlan.Input input, AiPrompt prompt, Viewer viewer, String reason) {
		return new AiProposal(UUID.randomUUID(), ProposalKind.PLAN_FROM_SENTENCE, ProposalStatus.QUEUED, input.ruleName(), input.sentence(),
				null, null, null, prompt.sha256(), 0, 0, reason, null, null, viewer.subject(), null, Instant.now());
	}

	private AiProposal answered(ProposePlan.Input input, AiPrompt prompt, Viewer viewer, AiAnswer answer) {
		PlanFromSentence.Validated validated = PlanFromSentence.validate(answer.text(), drafts);
		return switch (validated) {
			case PlanFromSentence.Valid valid -> new AiProposal(UUID.randomUUID(), ProposalKind.PLAN_FROM_SENTENCE, ProposalStatus.PROPOSED,
					input.ruleName(), input.sentence(), valid.payloadText(), valid.justification(), answer.model(), prompt.sha256(),
					answer.promptTokens(), answer.completionTokens(), null, null, null, viewer.subject(), null, Instant.now());
			case PlanFromSentence.Invalid failed -> new AiProposal(UUID.randomUUID(), ProposalKind.PLAN_FROM_SENTENCE, ProposalStatus.FAILED,
					input.ruleName(), input.sentence(), null, null, answer.model(), prompt.sha256(), answer.promptTokens(),
					answer.completionTokens(), null, failed.reason(), null, viewer.subject(), null, Instant.now());
		};
	}

	@Override
	public String purpose() {
		return PURPOSE;
	}

	/** A queued proposal's late answer, validated like a direct one; ignored when the proposal was rejected meanwhile. */
	@Override
	public Mono<Void> answered(TenantTransaction tx, UUID subjectKey, AiAnswer answer) {
		return switch (PlanFromSentence.validate(answer.text(), drafts)) {
			case PlanFromSentence.Valid valid -> store.answered(tx, subjectKey, ProposalStatus.PROPOSED, valid.payloadText(),
					valid.justification(), null, answer).then();
			case PlanFromSentence.Invalid failed -> store.answered(tx, subjectKey, ProposalStatus.FAILED, null, null, failed.reason(), answer)
				.then();
		};
	}

	Mono<DecideProposal.Payload> accept(Viewer viewer, DecideProposal.AcceptInput input, @Nullable String sourceAddress) {
		List<ProposalsError> invalid = input.validate();
		Optional<UUID> key = GlobalId.decode(input.proposalId(), AiProposal.TYPE_NAME);
		if (!invalid.isEmpty() || key.isEmpty()) {
			return Mono.just(DecideProposal.Payload.failed(invalid.isEmpty() ? List.of(ProposalsError.notFound()) : invalid));
		}
		return mutations.once(viewer.tenant(), tx -> store.find(tx.db(), key.get(), true)
			.flatMap(proposal -> accept(tx, viewer, proposal, input, sourceAddress))
			.switchIfEmpty(Mono.fromSupplier(() -> Outcome.rejected(DecideProposal.Payload.failed(ProposalsError.notFound())))));
	}

	@SuppressWarnings("unchecked")
	private Mono<Outcome<DecideProposal.Payload>> accept(TenantTransaction tx, Viewer viewer, AiProposal proposal,
			DecideProposal.AcceptInput input, @Nullable String sourceAddress) {
		if (proposal.status() != ProposalStatus.PROPOSED) {
			return Mono.just(Outcome.rejected(DecideProposal.Payload.failed(new ProposalsError(ProposalsErrorCode.ILLEGAL_TRANSITION,
					"Only a PROPOSED proposal can be accepted; this one is " + proposal.status(), List.of("input", "proposalId")))));
		}
		Map<String, Object> payload = (Map<String, Object>) java.util.Objects.requireNonNull(proposal.payload());
		Object definition = input.definition() != null ? input.definition() : payload.get("definition");
		Object examples = input.examples() != null ? input.examples() : payload.get("examples");
		PlanFromSentence.Validated validated = PlanFromSentence.validate(payload.get("kind"), definition, examples, proposal.justification(),
				drafts);
		if (validated instanceof PlanFromSentence.Invalid failed) {
			return Mono.just(Outcome.rejected(DecideProposal.Payload.failed(new ProposalsError(ProposalsErrorCode.INVALID_DEFINITION,
					failed.reason(), List.of("input", "definition")))));
		}
		PlanFromSentence.Valid valid = (PlanFromSentence.Valid) validated;
		LocalDate validFrom = input.validFrom() != null ? input.validFrom() : LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
		String justification = input.edited() ? valid.justification() + " (edited by " + viewer.subject() + " before acceptance)"
				: valid.justification();
		RuleDrafts.Draft draft = new RuleDrafts.Draft(proposal.target(), valid.kind(), "Proposed by AI from: " + shorten(proposal.request()),
				valid.definition(), valid.examples(), java.util.Objects.requireNonNull(proposal.model()), justification, validFrom);
		return drafts.write(tx, viewer.subject(), draft)
			// Only a language model's proposal certifies a model for the tenant; mined rates are the tenant's own statistics.
			.flatMap(version -> (proposal.kind() == ProposalKind.PLAN_FROM_SENTENCE ? models.certifyIfNone(tx, draft.model(), viewer.subject())
					: Mono.empty()).then(Mono.just(version)))
			.flatMap(version -> store.decided(tx, proposal.key(), ProposalStatus.ACCEPTED, viewer.subject(), input.note(), version.key())
				.map(decided -> Outcome.committed(new DecideProposal.Payload(decided, version, List.of()),
						audit(viewer, "rules.proposal.accepted", decided, sourceAddress, Map.of("ruleVersionId", version.id(), "edited",
								input.edited())))))
			.onErrorResume(IllegalArgumentException.class, ex -> Mono.just(Outcome.rejected(DecideProposal.Payload.failed(
					new ProposalsError(ProposalsErrorCode.INVALID_DEFINITION, String.valueOf(ex.getMessage()), List.of("input", "proposalId"))))));
	}

	Mono<DecideProposal.Payload> reject(Viewer viewer, DecideProposal.RejectInput input, @Nullable String sourceAddress) {
		List<ProposalsError> invalid = input.validate();
		Optional<UUID> key = GlobalId.decode(input.proposalId(), AiProposal.TYPE_NAME);
		if (!invalid.isEmpty() || key.isEmpty()) {
			return Mono.just(DecideProposal.Payload.failed(invalid.isEmpty() ? List.of(ProposalsError.notFound()) : invalid));
		}
		return mutations.once(viewer.tenant(), tx -> store.find(tx.db(), key.get(), true).flatMap(proposal -> {
			if (proposal.status() != ProposalStatus.PROPOSED && proposal.status() != ProposalStatus.QUEUED) {
				return Mono.just(Outcome.rejected(DecideProposal.Payload.failed(new ProposalsError(ProposalsErrorCode.ILLEGAL_TRANSITION,
						"Only a PROPOSED or QUEUED proposal can be rejected; this one is " + proposal.status(), List.of("input", "proposalId")))));
			}
			return store.decided(tx, proposal.key(), ProposalStatus.REJECTED, viewer.subject(), input.reason().strip(), null)
				.map(decided -> Outcome.committed(new DecideProposal.Payload(decided, null, List.of()),
						audit(viewer, "rules.proposal.rejected", decided, sourceAddress, Map.of("reason", input.reason().strip()))));
		}).switchIfEmpty(Mono.fromSupplier(() -> Outcome.rejected(DecideProposal.Payload.failed(ProposalsError.notFound())))));
	}

	/** What the audit log keeps of a proposal: its digest and accounting, never the prompt or the sentence. */
	private static AuditEntry audit(Viewer viewer, String action, AiProposal proposal, @Nullable String sourceAddress,
			@Nullable Map<String, Object> extra) {
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("kind", proposal.kind().name());
		after.put("status", proposal.status().name());
		after.put("target", proposal.target());
		after.put("promptSha256", proposal.promptSha256());
		after.put("tokens", proposal.tokenCost());
		if (proposal.model() != null) {
			after.put("model", proposal.model());
		}
		if (proposal.payloadText() != null) {
			after.put("payloadSha256", com.performanceos.platform.digest.Sha256.hex(proposal.payloadText()));
		}
		if (extra != null) {
			after.putAll(extra);
		}
		return new AuditEntry(viewer.subject(), action, AiProposal.TYPE_NAME, proposal.id(), sourceAddress, null, after);
	}

	private static String shorten(String text) {
		return text.length() <= 200 ? text : text.substring(0, 199) + "…";
	}

}
