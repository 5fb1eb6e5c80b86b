package com.performanceos.rules.proposals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.ai.AiClient;
import com.performanceos.platform.ai.AiModels;
import com.performanceos.platform.ai.AiModule;
import com.performanceos.platform.ai.AiResult;
import com.performanceos.platform.ai.PromptPseudonyms;
import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.security.Role;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.rules.registry.RuleDrafts;

/**
 * Switching a tenant to the deployment's configured model. The regression replay asks the new model again for the last
 * {@value #REPLAYED_MAX} accepted proposals and runs each new plan on the accepted plan's examples, expecting the
 * outputs the accepted plan computed: the share that differ is the divergence, and {@link ReplayGate} says what it
 * requires. Versions born of accepted proposals of another model are marked TO_RECERTIFY (they keep running
 * unchanged); a rollback returns the tenant to its previous model in one step and clears the marks.
 */
@Service
class ModelGovernance {

	static final int REPLAYED_MAX = 100;

	/** The schema's {@code AiModelGovernance}. */
	record State(String activeModel, String configuredModel, @Nullable String previousModel, @Nullable ModelSwitch latestSwitch,
			List<UUID> toRecertify) {
	}

	/** The schema's {@code AiModelSwitchPayload}. */
	record Payload(@Nullable ModelSwitch modelSwitch, List<ProposalsError> userErrors) {

		static Payload failed(ProposalsErrorCode code, String message) {
			return new Payload(null, List.of(new ProposalsError(code, message, null)));
		}

	}

	private final TenantDatabase database;

	private final Mutations mutations;

	private final ProposalStore proposals;

	private final ModelGovernanceStore store;

	private final AiModels models;

	private final AiClient ai;

	private final PromptPseudonyms pseudonyms;

	private final RuleDrafts drafts;

	ModelGovernance(TenantDatabase database, Mutations mutations, ProposalStore proposals, ModelGovernanceStore store, AiModels models,
			AiClient ai, PromptPseudonyms pseudonyms, RuleDrafts drafts) {
		this.database = database;
		this.mutations = mutations;
		this.proposals = proposals;
		this.store = store;
		this.models = models;
		this.ai = ai;
		this.pseudonyms = pseudonyms;
		this.drafts = drafts;
	}

	Mono<State> state(Viewer viewer) {
		return database.run(viewer.tenant(), tx -> models.of(tx).flatMap(found -> store.latest(tx, false).map(java.util.Optional::of)
			.defaultIfEmpty(java.util.Optional.empty())
			.zipWith(store.toRecertify(tx), (latest, marked) -> new State(found.active(), models.configured(), found.previous().orElse(null),
					latest.orElse(null), marked))));
	}

	/** Replays the accepted proposals against the configured model and records the switch (done at once when ACCEPTED). */
	Mono<Payload> replay(Viewer viewer, @Nullable String sourceAddress) {
		String target = models.configured();
		return database.run(viewer.tenant(), tx -> models.of(tx).zipWith(proposals.lastAccepted(tx.db(), REPLAYED_MAX)))
			.flatMap(found -> {
				if (found.getT1().active().equals(target)) {
					return Mono.just(Payload.failed(ProposalsErrorCode.NO_MODEL_SWITCH, "The tenant already asks " + target));
				}
				String from = found.getT1().active();
				List<AiProposal> accepted = found.getT2();
				return Flux.fromIterable(accepted).concatMap(proposal -> replayOne(viewer.tenant(), proposal, target)).collectList()
					.flatMap(counts -> {
						if (counts.stream().anyMatch(count -> count == null || count[0] < 0)) {
							return Mono.just(Payload.failed(ProposalsErrorCode.AI_UNAVAILABLE,
									"The provider did not answer every replayed proposal; nothing was decided"));
						}
						int compared = counts.stream().mapToInt(count -> count[0]).sum();
						int differing = counts.stream().mapToInt(count -> count[1]).sum();
						ModelSwitch change = new ModelSwitch(UUID.randomUUID(), from, target, accepted.size(), compared, differing,
								ReplayGate.of(compared, differing), "PENDING", null, null, viewer.subject(), Instant.now());
						return mutations.once(viewer.tenant(), tx -> store.insert(tx, change)
							.flatMap(inserted -> store.mark(tx, inserted.key(), accepted.stream()
								.filter(proposal -> !target.equals(proposal.model())).toList()).thenReturn(inserted))
							.flatMap(inserted -> inserted.gate() == ReplayGate.ACCEPTED ? switched(tx, viewer, inserted) : Mono.just(inserted))
							.map(recorded -> Outcome.committed(new Payload(recorded, List.of()), audit(viewer, "ai.model.replayed", recorded,
									sourceAddress))));
					});
			});
	}

	/**
	 * Asks the new model for one accepted proposal's plan and runs it on the accepted plan's examples: answers
	 * {@code [compared, differing]}, or {@code [-1, 0]} when the provider did not answer.
	 */
	@SuppressWarnings("unchecked")
	private Mono<int[]> replayOne(String tenant, AiProposal proposal, String model) {
		Map<String, Object> payload = (Map<String, Object>) java.util.Objects.requireNonNull(proposal.payload());
		List<Map<String, Object>> examples = (List<Map<String, Object>>) payload.get("examples");
		List<RuleDrafts.Example> expected = new ArrayList<>();
		examples.forEach(example -> expected.add(new RuleDrafts.Example(String.valueOf(example.get("name")), example.get("input"),
				example.get("actualOutput"))));
		return ai.ask(tenant, AiModule.RULES, PlanFromSentence.prompt(pseudonyms.pseudonymise(tenant, proposal.request(), List.of())), model)
			.map(result -> {
				if (!(result instanceof AiResult.Answered answered)) {
					return new int[] { -1, 0 };
				}
				if (!(PlanFromSentence.validate(answered.answer().text(), drafts) instanceof PlanFromSentence.Valid valid)) {
					return new int[] { expected.size(), expected.size() };
				}
				RuleDrafts.Check check = drafts.check(valid.kind(), valid.definition(), expected);
				int differing = check.examples().isEmpty() ? expected.size()
						: (int) check.examples().stream().filter(each -> !each.passed()).count();
				return new int[] { expected.size(), differing };
			});
	}

	/** An ADMIN or FINANCE approval of the pending switch; the switch happens once its gate is satisfied. */
	Mono<Payload> approve(Viewer viewer, @Nullable String sourceAddress) {
		return mutations.once(viewer.tenant(), tx -> store.latest(tx, true)
			.filter(latest -> latest.status().equals("PENDING"))
			.flatMap(pending -> {
				boolean asAdmin = viewer.roles().contains(Role.ADMIN) && pending.adminApprovedBy() == null
						&& !viewer.subject().equals(pending.financeApprovedBy());
				boolean asFinance = !asAdmin && viewer.roles().contains(Role.FINANCE) && pending.financeApprovedBy() == null
						&& pending.gate() == ReplayGate.NEEDS_ADMIN_AND_FINANCE && !viewer.subject().equals(pending.adminApprovedBy());
				if (!asAdmin && !asFinance) {
					return Mono.just(Outcome.<Payload>rejected(Payload.failed(ProposalsErrorCode.APPROVAL_NOT_NEEDED,
							"The switch does not need this approval (gate " + pending.gate() + ", one approver per role, two different people)")));
				}
				return store.approved(tx, pending.key(), asAdmin ? viewer.subject() : null, asFinance ? viewer.subject() : null)
					.flatMap(approved -> approved.gate().satisfiedBy(approved.adminApprovedBy() != null, approved.financeApprovedBy() != null)
							? switched(tx, viewer, approved) : Mono.just(approved))
					.map(approved -> Outcome.committed(new Payload(approved, List.of()), audit(viewer, "ai.model.switch-approved", approved,
							sourceAddress)));
			})
			.switchIfEmpty(Mono.fromSupplier(() -> Outcome.rejected(Payload.failed(ProposalsErrorCode.NO_PENDING_SWITCH,
					"No model switch waits for an approval")))));
	}

	/** Returns the tenant to its previous model in one step; the last switch's TO_RECERTIFY marks are cleared. */
	Mono<Payload> rollback(Viewer viewer, @Nullable String sourceAddress) {
		return mutations.once(viewer.tenant(), tx -> models.rollback(tx, viewer.subject())
			.flatMap(active -> store.latest(tx, true).filter(latest -> latest.status().equals("SWITCHED"))
				.flatMap(latest -> store.clear(tx, latest.key()).then(store.status(tx, latest.key(), "ROLLED_BACK")))
				.map(rolledBack -> Outcome.committed(new Payload(rolledBack, List.of()), audit(viewer, "ai.model.rolled-back", rolledBack,
						sourceAddress)))
				.switchIfEmpty(Mono.fromSupplier(() -> Outcome.committed(new Payload(null, List.of()), new AuditEntry(viewer.subject(),
						"ai.model.rolled-back", "AiModelSwitch", null, sourceAddress, null, Map.of("activeModel", active))))))
			.switchIfEmpty(Mono.fromSupplier(() -> Outcome.rejected(Payload.failed(ProposalsErrorCode.NOTHING_TO_ROLL_BACK,
					"The tenant has no previous model to return to")))));
	}

	private Mono<ModelSwitch> switched(TenantTransaction tx, Viewer viewer, ModelSwitch change) {
		return models.switchTo(tx, change.toModel(), viewer.subject()).then(store.status(tx, change.key(), "SWITCHED"));
	}

	private static AuditEntry audit(Viewer viewer, String action, ModelSwitch change, @Nullable String sourceAddress) {
		return new AuditEntry(viewer.subject(), action, "AiModelSwitch", change.key().toString(), sourceAddress, null,
				Map.of("fromModel", change.fromModel(), "toModel", change.toModel(), "outputsCompared", change.outputsCompared(),
						"outputsDiffering", change.outputsDiffering(), "gate", change.gate().name(), "status", change.status()));
	}

}
