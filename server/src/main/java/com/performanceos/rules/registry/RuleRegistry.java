package com.performanceos.rules.registry;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.digest.Sha256;
import com.performanceos.platform.events.Outbox;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.mutations.Idempotency;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.rules.engine.JsonValues;

/**
 * The registry's mutations, each on the platform's template: rules and versions written, lifecycle steps taken
 * (the aggregate's {@link Transition} decides), publication gated by the stored examples, rollback. Every step
 * is audited and kept in the rule's history with its justification.
 */
@Service
class RuleRegistry {

	private final Mutations mutations;

	private final RuleStore store;

	private final RuleCompiler compiler;

	private final RuleEvaluator evaluator;

	private final RulesProperties limits;

	private final Outbox outbox;

	private final RulesGovernanceProperties governance;

	private final SubDecisions subDecisions;

	private final ObjectProvider<PublicationGate> gates;

	RuleRegistry(Mutations mutations, RuleStore store, RuleCompiler compiler, RuleEvaluator evaluator, RulesProperties limits,
			Outbox outbox, RulesGovernanceProperties governance, SubDecisions subDecisions, ObjectProvider<PublicationGate> gates) {
		this.subDecisions = subDecisions;
		this.gates = gates;
		this.mutations = mutations;
		this.governance = governance;
		this.outbox = outbox;
		this.store = store;
		this.compiler = compiler;
		this.evaluator = evaluator;
		this.limits = limits;
	}

	Mono<CreateRule.Payload> createRule(Viewer viewer, CreateRule.Input input, @Nullable String sourceAddress) {
		return Mutations.unlessInvalid(input.validate(limits), CreateRule.Payload::failed, () -> {
			RuleCompiler.Checked checked = compiler.check(input.kind(), input.firstVersion().definition(), input.firstVersion().definitionCsv());
			if (checked instanceof RuleCompiler.Refused refused) {
				return Mono.just(CreateRule.Payload.failed(RulesError.definition(refused.code(), refused.problems(),
						List.of("input", "firstVersion", input.firstVersion().definitionCsv() == null ? "definition" : "definitionCsv"))));
			}
			RuleCompiler.Accepted accepted = (RuleCompiler.Accepted) checked;
			return mutations.idempotent(viewer.tenant(), new Idempotency<>(CreateRule.OPERATION, input.idempotencyKey(), input.fingerprint(),
					() -> CreateRule.Payload.failed(List.of(RulesError.conflict())),
					(tx, key) -> store.version(tx.db(), key, false).flatMap(version -> store.rules(tx.db(), List.of(version.ruleKey()))
						.map(rules -> CreateRule.Payload.created(rules.getFirst(), version, accepted.compiled().warnings())))),
					tx -> store.nameTaken(tx.db(), input.name()).flatMap(taken -> taken
							? Mono.just(Outcome.rejected(duplicateName(input.name())))
							: store.insertRule(tx, UUID.randomUUID(), input.name(), input.kind(), input.description().strip(), viewer.subject())
								.flatMap(rule -> writeVersion(tx, viewer, rule.key(), input.kind(), input.firstVersion(), accepted)
									.map(version -> Outcome.committed(CreateRule.Payload.created(rule, version, accepted.compiled().warnings()),
											version.key(), audit(viewer, "rules.rule.created", version, sourceAddress, null,
													Map.of("name", rule.name(), "kind", rule.kind().name(), "version", summary(version))))))))
				.onErrorResume(DuplicateKeyException.class, ex -> Mono.just(duplicateName(input.name())));
		});
	}

	Mono<CreateRuleVersion.Payload> createVersion(Viewer viewer, CreateRuleVersion.Input input, @Nullable String sourceAddress) {
		List<RulesError> invalid = input.validate(limits);
		Optional<UUID> ruleKey = GlobalId.decode(input.ruleId(), Rule.TYPE_NAME);
		if (ruleKey.isEmpty()) {
			invalid = concat(invalid, new RulesError(RulesErrorCode.RULE_NOT_FOUND, "No rule with this id", List.of("input", "ruleId")));
		}
		return Mutations.unlessInvalid(invalid, CreateRuleVersion.Payload::failed, () -> {
			VersionInput version = input.version();
			return mutations.idempotent(viewer.tenant(), new Idempotency<>(CreateRuleVersion.OPERATION, input.idempotencyKey(),
					input.fingerprint(), () -> CreateRuleVersion.Payload.failed(List.of(RulesError.conflict())),
					(tx, key) -> store.version(tx.db(), key, false).map(found -> new CreateRuleVersion.Payload(found,
							evaluator.compiled(found).warnings(), List.of()))),
					tx -> store.rules(tx.db(), List.of(ruleKey.get())).flatMap(rules -> {
						if (rules.isEmpty()) {
							return Mono.just(Outcome.rejected(CreateRuleVersion.Payload.failed(List.of(new RulesError(RulesErrorCode.RULE_NOT_FOUND,
									"No rule with this id", List.of("input", "ruleId"))))));
						}
						Rule rule = rules.getFirst();
						RuleCompiler.Checked checked = compiler.check(rule.kind(), version.definition(), version.definitionCsv());
						if (checked instanceof RuleCompiler.Refused refused) {
							return Mono.just(Outcome.rejected(CreateRuleVersion.Payload.failed(RulesError.definition(refused.code(),
									refused.problems(), List.of("input", "version", version.definitionCsv() == null ? "definition" : "definitionCsv")))));
						}
						RuleCompiler.Accepted accepted = (RuleCompiler.Accepted) checked;
						return writeVersion(tx, viewer, rule.key(), rule.kind(), version, accepted)
							.map(written -> Outcome.committed(new CreateRuleVersion.Payload(written, accepted.compiled().warnings(), List.of()),
									written.key(), audit(viewer, "rules.version.created", written, sourceAddress, null, summary(written))));
					}));
		});
	}

	Mono<TransitionRuleVersion.Payload> transition(Viewer viewer, Transition transition, TransitionRuleVersion.Input input,
			@Nullable String sourceAddress) {
		return Mutations.unlessInvalid(input.validate(), problems -> new TransitionRuleVersion.Payload(null, problems), () -> {
			Optional<UUID> key = GlobalId.decode(input.versionId(), RuleVersion.TYPE_NAME);
			if (key.isEmpty()) {
				return Mono.just(versionNotFound());
			}
			return mutations.once(viewer.tenant(), tx -> store.version(tx.db(), key.get(), true)
				.flatMap(version -> separation(tx.db())
					.flatMap(separation -> step(tx, viewer, transition, version, separation, input.justification(), sourceAddress)))
				.switchIfEmpty(Mono.fromSupplier(() -> Outcome.rejected(versionNotFound()))));
		});
	}

	private Mono<Outcome<TransitionRuleVersion.Payload>> step(TenantTransaction tx, Viewer viewer, Transition transition,
			RuleVersion version, DutySeparation separation, String justification, @Nullable String sourceAddress) {
		Transition.Refusal refusal = transition.check(version, viewer.subject(), separation);
		if (refusal != null) {
			return Mono.just(Outcome.rejected(TransitionRuleVersion.Payload.failed(refusal.code(), refusal.message(), "input", "versionId")));
		}
		if (transition == Transition.PUBLISH) {
			return callRefusal(tx, version)
				.map(error -> Outcome.rejected(new TransitionRuleVersion.Payload(null, List.of(error))))
				.switchIfEmpty(Mono.defer(() -> subDecisions.resolver(tx.db(), version, version.validFrom(),
						RuleEvaluator.startOf(version.validFrom()))
					.flatMap(resolver -> {
						TransitionRuleVersion.Payload failed = failedExample(evaluator.runExamples(version, resolver));
						return failed != null ? Mono.just(Outcome.rejected(failed))
								: gateRefusal(tx, version, viewer.subject())
									.map(refused -> Outcome.rejected(TransitionRuleVersion.Payload.failed(RulesErrorCode.PUBLICATION_BLOCKED, refused,
											"input", "versionId")))
									.switchIfEmpty(Mono.defer(() -> moveTo(tx, viewer, transition, version, justification, sourceAddress)));
					})));
		}
		return moveTo(tx, viewer, transition, version, justification, sourceAddress);
	}

	/** The first refusal of the modules' publication gates, asked in order; empty when none refuses. */
	private Mono<String> gateRefusal(TenantTransaction tx, RuleVersion version, String actor) {
		return Flux.fromStream(gates.orderedStream()).concatMap(gate -> gate.refusal(tx, version, actor)).next();
	}

	/** Why a version's sub-decisions forbid publishing it (a call naming no rule, a circle); empty when none does. */
	private Mono<RulesError> callRefusal(TenantTransaction tx, RuleVersion version) {
		return subDecisions.calls(version).isEmpty() ? Mono.empty()
				: store.rules(tx.db(), List.of(version.ruleKey()))
					.flatMap(rules -> subDecisions.publicationRefusal(tx.db(), rules.getFirst().name(), version));
	}

	private static TransitionRuleVersion.@Nullable Payload failedExample(List<RuleEvaluator.ExampleOutcome> outcomes) {
		for (RuleEvaluator.ExampleOutcome outcome : outcomes) {
			if (!outcome.passed()) {
				return TransitionRuleVersion.Payload.failed(RulesErrorCode.EXAMPLE_FAILED,
						"Example '" + outcome.name() + "' fails: expected " + JsonValues.write(outcome.expectedOutput())
								+ ", got " + (outcome.error() != null ? "an error: " + outcome.error() : JsonValues.write(outcome.actualOutput())),
						"input", "versionId");
			}
		}
		return null;
	}

	private Mono<Outcome<TransitionRuleVersion.Payload>> moveTo(TenantTransaction tx, Viewer viewer, Transition transition,
			RuleVersion version, String justification, @Nullable String sourceAddress) {
		RuleVersion moved = moved(version, transition, viewer.subject());
		Mono<Void> announced = transition == Transition.PUBLISH || transition == Transition.RETIRE
				? outbox.publish(tx, Instant.now(), RuleChanged.of(moved, moved.status().name())) : Mono.empty();
		return store.updateStatus(tx.db(), moved)
			.then(store.recordTransition(tx, moved, version.status(), viewer.subject(), justification))
			.then(announced)
			.thenReturn(Outcome.committed(new TransitionRuleVersion.Payload(moved, List.of()),
					audit(viewer, transition.auditAction(), moved, sourceAddress, Map.of("status", version.status().name()),
							Map.of("status", moved.status().name(), "justification", justification))));
	}

	/** The tenant's separation of duties: its own setting, else the deployment's default. */
	Mono<DutySeparation> separation(DatabaseClient db) {
		return store.dutySeparation(db).defaultIfEmpty(governance.defaultSeparation());
	}

	Mono<SetDutySeparation.Payload> setDutySeparation(Viewer viewer, SetDutySeparation.Input input, @Nullable String sourceAddress) {
		return Mutations.unlessInvalid(input.validate(), problems -> new SetDutySeparation.Payload(null, problems), () -> {
			DutySeparation wanted = DutySeparation.of(input.toPairs(), true, viewer.subject(), null);
			return mutations.once(viewer.tenant(), tx -> separation(tx.db())
				.flatMap(before -> store.saveDutySeparation(tx, wanted, viewer.subject())
					.map(after -> Outcome.committed(new SetDutySeparation.Payload(after, List.of()),
							new AuditEntry(viewer.subject(), "rules.duty-separation.set", "RuleDutySeparation", null, sourceAddress,
									Map.of("pairs", before.text()), Map.of("pairs", after.text(), "justification", input.justification()))))));
		});
	}

	Mono<RollbackRule.Payload> rollback(Viewer viewer, RollbackRule.Input input, @Nullable String sourceAddress) {
		List<RulesError> invalid = input.validate();
		Optional<UUID> key = GlobalId.decode(input.toVersionId(), RuleVersion.TYPE_NAME);
		if (key.isEmpty()) {
			invalid = concat(invalid, new RulesError(RulesErrorCode.VERSION_NOT_FOUND, "No version with this id", List.of("input", "toVersionId")));
		}
		return Mutations.unlessInvalid(invalid, RollbackRule.Payload::failed, () -> mutations.idempotent(viewer.tenant(), new Idempotency<>(RollbackRule.OPERATION, input.idempotencyKey(), input.fingerprint(),
				() -> RollbackRule.Payload.failed(List.of(RulesError.conflict())),
				(tx, resultKey) -> store.version(tx.db(), resultKey, false).map(found -> new RollbackRule.Payload(found, List.of()))),
				tx -> store.version(tx.db(), key.get(), false).flatMap(target -> {
					if (!target.status().wasPublished()) {
						return Mono.just(Outcome.rejected(RollbackRule.Payload.failed(List.of(new RulesError(RulesErrorCode.NOT_A_ROLLBACK_TARGET,
								"Version " + target.number() + " is " + target.status() + ": only a version that was published can be rolled back to",
								List.of("input", "toVersionId"))))));
					}
					return callRefusal(tx, target)
						.map(error -> Outcome.rejected(RollbackRule.Payload.failed(List.of(error))))
						.switchIfEmpty(Mono.defer(() -> store.nextNumber(tx.db(), target.ruleKey()).flatMap(number -> {
						RuleVersion republished = new RuleVersion(UUID.randomUUID(), target.ruleKey(), target.kind(), number,
								VersionStatus.PUBLISHED, target.definitionText(), target.definitionSha256(), target.examples(), viewer.subject(),
								target.origin(), target.aiModel(), target.aiJustification(),
								"Rollback to version " + target.number() + ": " + input.justification().strip(), target.validFrom(),
								target.validTo(), target.key(), Instant.now(), target.approvedBy(), viewer.subject(), Instant.now());
						return store.insertVersion(tx, republished)
							.flatMap(written -> store.recordTransition(tx, written, null, viewer.subject(), input.justification())
								.then(outbox.publish(tx, Instant.now(), RuleChanged.of(written, "ROLLED_BACK")))
								.thenReturn(Outcome.committed(new RollbackRule.Payload(written, List.of()), written.key(),
										audit(viewer, "rules.rule.rolled-back", written, sourceAddress, null,
												Map.of("rollbackOf", target.id(), "version", summary(written), "justification", input.justification())))));
					})));
				}).switchIfEmpty(Mono.fromSupplier(() -> Outcome.rejected(RollbackRule.Payload.failed(List.of(new RulesError(
						RulesErrorCode.VERSION_NOT_FOUND, "No version with this id", List.of("input", "toVersionId")))))))));
	}

	/**
	 * Every rule and version of the tenant as JSON and readable text; the digests of both are recorded in the audit log
	 * in the same transaction, so what an auditor took away can be proven later.
	 */
	Mono<RuleExport.Payload> export(Viewer viewer, @Nullable String sourceAddress) {
		return mutations.once(viewer.tenant(), tx -> store.versionCount(tx.db()).flatMap(count -> count > RuleExport.VERSIONS_MAX
				? Mono.just(Outcome.rejected(RuleExport.Payload.tooLarge(count)))
				: store.allRules(tx.db()).zipWith(store.allVersions(tx.db()), RuleExport::of)
					.map(export -> Outcome.committed(export, new AuditEntry(viewer.subject(), "rules.exported", "RuleExport", null,
							sourceAddress, null, Map.of("jsonSha256", java.util.Objects.requireNonNull(export.jsonSha256()), "textSha256",
									java.util.Objects.requireNonNull(export.textSha256()), "rules", export.ruleCount(), "versions",
									export.versionCount()))))));
	}

	private Mono<RuleVersion> writeVersion(TenantTransaction tx, Viewer viewer, UUID ruleKey, RuleKind kind, VersionInput input,
			RuleCompiler.Accepted accepted) {
		return store.nextNumber(tx.db(), ruleKey).flatMap(number -> {
			RuleVersion version = new RuleVersion(UUID.randomUUID(), ruleKey, kind, number, VersionStatus.DRAFT, accepted.text(),
					sha256(accepted.text()), input.exampleList(), viewer.subject(), input.origin(), strip(input.aiModel()),
					strip(input.aiJustification()), input.changeNote().strip(), input.validFrom(), input.validTo(), null, Instant.now(),
					null, null, null);
			return store.insertVersion(tx, version)
				.flatMap(written -> store.recordTransition(tx, written, null, viewer.subject(), written.changeNote()).thenReturn(written));
		});
	}

	private static RuleVersion moved(RuleVersion version, Transition transition, String actor) {
		String approvedBy = transition == Transition.APPROVE ? actor : transition == Transition.SEND_BACK ? null : version.approvedBy();
		boolean publishing = transition == Transition.PUBLISH;
		return new RuleVersion(version.key(), version.ruleKey(), version.kind(), version.number(), transition.to(),
				version.definitionText(), version.definitionSha256(), version.examples(), version.author(), version.origin(),
				version.aiModel(), version.aiJustification(), version.changeNote(), version.validFrom(), version.validTo(),
				version.rollbackOf(), version.createdAt(), approvedBy, publishing ? actor : version.publishedBy(),
				publishing ? Instant.now() : version.publishedAt());
	}

	private static AuditEntry audit(Viewer viewer, String action, RuleVersion version, @Nullable String sourceAddress,
			@Nullable Object before, Object after) {
		return new AuditEntry(viewer.subject(), action, RuleVersion.TYPE_NAME, version.id(), sourceAddress, before, after);
	}

	private static Map<String, Object> summary(RuleVersion version) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("id", version.id());
		summary.put("number", version.number());
		summary.put("status", version.status().name());
		summary.put("definitionSha256", version.definitionSha256());
		summary.put("origin", version.origin().name());
		if (version.aiModel() != null) {
			summary.put("aiModel", version.aiModel());
		}
		summary.put("changeNote", version.changeNote());
		summary.put("validFrom", version.validFrom().toString());
		if (version.validTo() != null) {
			summary.put("validTo", version.validTo().toString());
		}
		return summary;
	}

	private static CreateRule.Payload duplicateName(String name) {
		return CreateRule.Payload.failed(List.of(new RulesError(RulesErrorCode.DUPLICATE_RULE_NAME,
				"A rule named " + name + " already exists", List.of("input", "name"))));
	}

	private static TransitionRuleVersion.Payload versionNotFound() {
		return TransitionRuleVersion.Payload.failed(RulesErrorCode.VERSION_NOT_FOUND, "No version with this id", "input", "versionId");
	}

	private static List<RulesError> concat(List<RulesError> errors, RulesError error) {
		List<RulesError> all = new java.util.ArrayList<>(errors);
		all.add(error);
		return all;
	}

	private static @Nullable String strip(@Nullable String text) {
		return text == null ? null : text.strip();
	}

	private static String sha256(String text) {
		return Sha256.hex(text);
	}

}
