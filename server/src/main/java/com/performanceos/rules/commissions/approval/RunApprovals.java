package com.performanceos.rules.commissions.approval;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.security.Role;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.rules.commissions.runs.RunFacts;
import com.performanceos.rules.sales.SalesData;

/**
 * The steps of a run's approval, each on the mutation template (one transaction, the approval row locked, audited):
 * the aggregate {@link RunApproval} refuses illegal steps and doubled signatures; this service adds what needs the
 * database: the run's outcome, its anomalies, the hierarchy as of the period (a manager signs only for their team) and
 * the ledger's accruals.
 */
@Service
class RunApprovals {

	static final String TARGET_TYPE = "CalculationRun";

	private static final Set<Role> FINANCE = EnumSet.of(Role.FINANCE, Role.ADMIN);

	private static final Set<Role> SALES_OPS = EnumSet.of(Role.SALES_OPS, Role.ADMIN);

	/** Who reads a run's whole approval; a MANAGER reads it narrowed to their team ({@link RunApproval#readableBy}). */
	private static final Set<Role> SEE_ALL = EnumSet.of(Role.ADMIN, Role.AUDITOR, Role.FINANCE, Role.SALES_OPS);

	private final Mutations mutations;

	private final ApprovalStore store;

	private final RunFacts runs;

	private final SalesData sales;

	private final Accruals accruals;

	private final ObjectProvider<RunSubmissionGuard> guards;

	RunApprovals(Mutations mutations, ApprovalStore store, RunFacts runs, SalesData sales, Accruals accruals,
			ObjectProvider<RunSubmissionGuard> guards) {
		this.mutations = mutations;
		this.store = store;
		this.runs = runs;
		this.sales = sales;
		this.accruals = accruals;
		this.guards = guards;
	}

	/** What a step needs from the database, read under the approval's lock. */
	private record Context(RunFacts.Summary run, @Nullable RunApproval approval) {
	}

	Mono<ApprovalInputs.StepPayload> submit(Viewer viewer, ApprovalInputs.StepInput input, @Nullable String sourceAddress) {
		return step(viewer, input, false, sourceAddress, (tx, context) -> {
			if (!viewer.hasAnyRole(SALES_OPS)) {
				return refused(ApprovalErrorCode.WRONG_ROLE, "SALES_OPS submits a run");
			}
			CommissionApprovalError refusal = RunApproval.refusal(context.approval(), ApprovalAction.SUBMIT, viewer.subject());
			if (refusal != null) {
				return rejected(refusal);
			}
			if (!context.run().succeeded()) {
				return refused(ApprovalErrorCode.RUN_NOT_SUCCEEDED, "Only a run that computed successfully is submitted");
			}
			return blockingAnomalies(tx, context.run().key()).flatMap(anomalies -> {
				if (!anomalies.isEmpty()) {
					return refused(ApprovalErrorCode.BLOCKING_ANOMALIES, "The run has " + anomalies.size() + " critical anomal"
							+ (anomalies.size() == 1 ? "y" : "ies") + ": " + String.join("; ", anomalies.subList(0, Math.min(5, anomalies.size()))));
				}
				return needingManager(tx, context.run()).flatMap(needing -> {
					int cycle = context.approval() == null ? 1 : context.approval().cycle() + 1;
					ApprovalStatus status = needing.isEmpty() ? ApprovalStatus.MANAGER_APPROVED : ApprovalStatus.SUBMITTED;
					Instant now = Instant.now();
					RunApproval before = context.approval();
					RunApproval after = new RunApproval(context.run().key(), status, cycle, now, null, List.of(), List.of(),
							before == null ? List.of() : before.steps());
					return write(tx, viewer, before, after, ApprovalAction.SUBMIT, List.of(), input.trimmedComment(), sourceAddress);
				});
			});
		});
	}

	/** A manager's sign-off for their team while the run is SUBMITTED, FINANCE's approval once it is MANAGER_APPROVED. */
	Mono<ApprovalInputs.StepPayload> approve(Viewer viewer, ApprovalInputs.StepInput input, @Nullable String sourceAddress) {
		return step(viewer, input, false, sourceAddress, (tx, context) -> {
			RunApproval approval = context.approval();
			if (approval != null && approval.status() == ApprovalStatus.SUBMITTED) {
				return viewer.roles().contains(Role.MANAGER) ? managerApproves(tx, viewer, context, input, sourceAddress)
						: refused(ApprovalErrorCode.WRONG_ROLE, "The run waits for its reps' managers");
			}
			if (approval != null && approval.status() == ApprovalStatus.MANAGER_APPROVED && !viewer.hasAnyRole(FINANCE)) {
				return refused(ApprovalErrorCode.WRONG_ROLE, "The run waits for FINANCE");
			}
			CommissionApprovalError refusal = RunApproval.refusal(approval, ApprovalAction.FINANCE_APPROVE, viewer.subject());
			if (refusal != null) {
				return rejected(refusal);
			}
			return accruals.post(tx, context.run(), false, context.run().period().atEndOfMonth()).flatMap(posted -> switch (posted) {
				case Accruals.Posted.Refused refused -> refused(ApprovalErrorCode.ACCRUAL_REFUSED, refused.message());
				case Accruals.Posted.Entries entries -> write(tx, viewer, approval, new RunApproval(approval.runKey(), ApprovalStatus.APPROVED,
						approval.cycle(), Instant.now(), null, entries.keys(), List.of(), approval.steps()), ApprovalAction.FINANCE_APPROVE, List.of(),
						input.trimmedComment(), sourceAddress);
			});
		});
	}

	private Mono<Outcome<ApprovalInputs.StepPayload>> managerApproves(TenantTransaction tx, Viewer viewer, Context context,
			ApprovalInputs.StepInput input, @Nullable String sourceAddress) {
		RunApproval approval = java.util.Objects.requireNonNull(context.approval());
		CommissionApprovalError refusal = RunApproval.refusal(approval, ApprovalAction.MANAGER_APPROVE, viewer.subject());
		if (refusal != null) {
			return rejected(refusal);
		}
		return teamInRun(tx, viewer, context.run()).flatMap(team -> needingManager(tx, context.run()).flatMap(needing -> {
			Set<String> signed = approval.signedReps();
			List<String> signing = team.stream().filter(needing::contains).filter(rep -> !signed.contains(rep)).sorted().toList();
			if (signing.isEmpty()) {
				return refused(ApprovalErrorCode.NOT_YOUR_TEAM, "No rep of this run left to sign for is in your team as of " + context.run().period());
			}
			Set<String> covered = new TreeSet<>(signed);
			covered.addAll(signing);
			boolean complete = covered.containsAll(needing);
			RunApproval after = new RunApproval(approval.runKey(), complete ? ApprovalStatus.MANAGER_APPROVED : ApprovalStatus.SUBMITTED,
					approval.cycle(), complete ? Instant.now() : approval.waitingSince(), complete ? null : approval.escalatedAt(), List.of(), List.of(),
					approval.steps());
			return write(tx, viewer, approval, after, ApprovalAction.MANAGER_APPROVE, signing, input.trimmedComment(), sourceAddress);
		}));
	}

	/** Sends the run back to SALES_OPS with a reason: FINANCE at any review step, a manager only for a run of their team. */
	Mono<ApprovalInputs.StepPayload> sendBack(Viewer viewer, ApprovalInputs.StepInput input, @Nullable String sourceAddress) {
		return step(viewer, input, true, sourceAddress, (tx, context) -> {
			RunApproval approval = context.approval();
			CommissionApprovalError refusal = RunApproval.refusal(approval, ApprovalAction.RETURN, viewer.subject());
			if (refusal != null) {
				return rejected(refusal);
			}
			Mono<Boolean> allowed = viewer.hasAnyRole(FINANCE) ? Mono.just(true)
					: approval.status() != ApprovalStatus.SUBMITTED ? Mono.just(false) : teamInRun(tx, viewer, context.run()).map(team -> !team.isEmpty());
			return allowed.flatMap(may -> !may ? refused(ApprovalErrorCode.NOT_YOUR_TEAM, "A manager returns only a run waiting for them with a rep of their team")
					: write(tx, viewer, approval, new RunApproval(approval.runKey(), ApprovalStatus.RETURNED, approval.cycle(), Instant.now(), null,
							List.of(), List.of(), approval.steps()), ApprovalAction.RETURN, List.of(), input.trimmedComment(), sourceAddress));
		});
	}

	Mono<ApprovalInputs.StepPayload> markPaid(Viewer viewer, ApprovalInputs.StepInput input, @Nullable String sourceAddress) {
		return step(viewer, input, false, sourceAddress, (tx, context) -> {
			RunApproval approval = context.approval();
			CommissionApprovalError refusal = RunApproval.refusal(approval, ApprovalAction.PAY, viewer.subject());
			return refusal != null ? rejected(refusal) : write(tx, viewer, approval, new RunApproval(approval.runKey(), ApprovalStatus.PAID,
					approval.cycle(), Instant.now(), null, approval.accrualEntries(), List.of(), approval.steps()), ApprovalAction.PAY, List.of(),
					input.trimmedComment(), sourceAddress);
		});
	}

	/** Cancels an approved run: its accruals are reversed by opposite entries dated today. */
	Mono<ApprovalInputs.StepPayload> reverse(Viewer viewer, ApprovalInputs.StepInput input, @Nullable String sourceAddress) {
		return step(viewer, input, true, sourceAddress, (tx, context) -> {
			RunApproval approval = context.approval();
			CommissionApprovalError refusal = RunApproval.refusal(approval, ApprovalAction.REVERSE, viewer.subject());
			if (refusal != null) {
				return rejected(refusal);
			}
			return accruals.post(tx, context.run(), true, LocalDate.now(ZoneOffset.UTC)).flatMap(posted -> switch (posted) {
				case Accruals.Posted.Refused refused -> refused(ApprovalErrorCode.ACCRUAL_REFUSED, refused.message());
				case Accruals.Posted.Entries entries -> write(tx, viewer, approval, new RunApproval(approval.runKey(), ApprovalStatus.REVERSED,
						approval.cycle(), Instant.now(), null, approval.accrualEntries(), entries.keys(), approval.steps()), ApprovalAction.REVERSE,
						List.of(), input.trimmedComment(), sourceAddress);
			});
		});
	}

	private interface Work {

		Mono<Outcome<ApprovalInputs.StepPayload>> apply(TenantTransaction tx, Context context);

	}

	private Mono<ApprovalInputs.StepPayload> step(Viewer viewer, ApprovalInputs.StepInput input, boolean reasonRequired,
			@Nullable String sourceAddress, Work work) {
		return Mutations.unlessInvalid(input.validate(reasonRequired), ApprovalInputs.StepPayload::failed, () -> {
			Optional<UUID> runKey = RunFacts.runKey(input.runId());
			if (runKey.isEmpty()) {
				return Mono.just(ApprovalInputs.StepPayload.failed(notFound()));
			}
			return mutations.once(viewer.tenant(), tx -> runs.summary(tx, runKey.get())
				.flatMap(run -> store.load(tx, run.key(), true).map(Optional::of).defaultIfEmpty(Optional.empty())
					.flatMap(approval -> work.apply(tx, new Context(run, approval.orElse(null))))
					.flatMap(outcome -> narrowed(tx, viewer, run, outcome)))
				.switchIfEmpty(Mono.fromSupplier(() -> Outcome.rejected(ApprovalInputs.StepPayload.failed(notFound())))));
		});
	}

	/**
	 * The approval of a run as {@code viewer} may read it: whole for ADMIN, AUDITOR, FINANCE and SALES_OPS; for a
	 * MANAGER only when the run holds a rep of their team as of the period, narrowed to that team; empty otherwise.
	 */
	Mono<RunApproval> readable(TenantTransaction tx, Viewer viewer, RunApproval approval) {
		if (viewer.hasAnyRole(SEE_ALL)) {
			return Mono.just(approval);
		}
		if (!viewer.roles().contains(Role.MANAGER)) {
			return Mono.empty();
		}
		return runs.summary(tx, approval.runKey())
			.flatMap(run -> teamInRun(tx, viewer, run))
			.filter(team -> !team.isEmpty())
			.map(team -> approval.readableBy(viewer.subject(), team));
	}

	/** A step's payload as its caller may read it: a manager's answer shows the approval narrowed to their team. */
	private Mono<Outcome<ApprovalInputs.StepPayload>> narrowed(TenantTransaction tx, Viewer viewer, RunFacts.Summary run,
			Outcome<ApprovalInputs.StepPayload> outcome) {
		RunApproval approval = outcome.payload().approval();
		if (approval == null || viewer.hasAnyRole(SEE_ALL)) {
			return Mono.just(outcome);
		}
		return teamInRun(tx, viewer, run).map(team -> {
			ApprovalInputs.StepPayload payload = new ApprovalInputs.StepPayload(approval.readableBy(viewer.subject(), team),
					outcome.payload().userErrors());
			return switch (outcome) {
				case Outcome.Committed<ApprovalInputs.StepPayload> committed -> new Outcome.Committed<>(payload, committed.resultId(),
						committed.audit());
				case Outcome.Rejected<ApprovalInputs.StepPayload> rejected -> Outcome.rejected(payload);
			};
		});
	}

	private Mono<Outcome<ApprovalInputs.StepPayload>> write(TenantTransaction tx, Viewer viewer, @Nullable RunApproval before, RunApproval after,
			ApprovalAction action, List<String> reps, @Nullable String comment, @Nullable String sourceAddress) {
		ApprovalStep step = new ApprovalStep(before == null ? 1 : before.nextSeq(), after.cycle(), action, viewer.subject(), reps, comment, Instant.now());
		List<ApprovalStep> steps = new ArrayList<>(after.steps());
		steps.add(step);
		RunApproval written = new RunApproval(after.runKey(), after.status(), after.cycle(), after.waitingSince(), after.escalatedAt(),
				after.accrualEntries(), after.reversalEntries(), List.copyOf(steps));
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("status", written.status().name());
		state.put("cycle", written.cycle());
		if (comment != null) {
			state.put("comment", comment);
		}
		if (!reps.isEmpty()) {
			state.put("reps", reps);
		}
		if (action == ApprovalAction.FINANCE_APPROVE || action == ApprovalAction.REVERSE) {
			state.put("entries", (action == ApprovalAction.REVERSE ? written.reversalEntries() : written.accrualEntries()).stream().map(UUID::toString).toList());
		}
		return store.save(tx, written, before == null)
			.then(store.addStep(tx, written.runKey(), step))
			.then(action == ApprovalAction.SUBMIT ? store.noteTenant(tx) : Mono.just(0L))
			.thenReturn(Outcome.committed(new ApprovalInputs.StepPayload(written, List.of()), new AuditEntry(viewer.subject(), action.auditAction(),
					TARGET_TYPE, RunFacts.runId(written.runKey()), sourceAddress, before == null ? null : Map.of("status", before.status().name()), state)));
	}

	/**
	 * The critical anomalies every guard reports, in the guards' order; with no guard bean, none
	 * ({@link RunSubmissionGuard#NO_BLOCKING_ANOMALY}).
	 */
	private Mono<List<String>> blockingAnomalies(TenantTransaction tx, UUID runKey) {
		List<RunSubmissionGuard> all = guards.orderedStream().toList();
		return reactor.core.publisher.Flux.fromIterable(all.isEmpty() ? List.of(RunSubmissionGuard.NO_BLOCKING_ANOMALY) : all)
			.concatMap(guard -> guard.blockingAnomalies(tx, runKey))
			.collectList()
			.map(found -> found.stream().flatMap(List::stream).toList());
	}

	/** The run's reps (paid or not) that have a manager as of the period's last day: the managers must sign for them. */
	private Mono<Set<String>> needingManager(TenantTransaction tx, RunFacts.Summary run) {
		LocalDate day = run.period().atEndOfMonth();
		return sales.hierarchy(tx, Instant.now()).map(hierarchy -> {
			Set<String> needing = new TreeSet<>();
			run.payableByRep().keySet().stream().filter(rep -> !hierarchy.managersOf(rep, day).isEmpty()).forEach(needing::add);
			return needing;
		});
	}

	/** The run's reps in the caller's team (directly or not) as of the period's last day; empty for a caller who is no rep. */
	private Mono<Set<String>> teamInRun(TenantTransaction tx, Viewer viewer, RunFacts.Summary run) {
		LocalDate day = run.period().atEndOfMonth();
		return sales.repOfSubject(tx, viewer.subject())
			.flatMap(manager -> sales.hierarchy(tx, Instant.now()).map(hierarchy -> {
				Set<String> team = new TreeSet<>(hierarchy.teamOf(manager.code(), day));
				team.retainAll(run.payableByRep().keySet());
				return (Set<String>) team;
			}))
			.defaultIfEmpty(Set.of());
	}

	private static CommissionApprovalError notFound() {
		return CommissionApprovalError.at(ApprovalErrorCode.NOT_FOUND, "No calculation run with this id", "runId");
	}

	private static Mono<Outcome<ApprovalInputs.StepPayload>> refused(ApprovalErrorCode code, String message) {
		return rejected(CommissionApprovalError.at(code, message, "runId"));
	}

	private static Mono<Outcome<ApprovalInputs.StepPayload>> rejected(CommissionApprovalError error) {
		return Mono.just(Outcome.rejected(ApprovalInputs.StepPayload.failed(error)));
	}

}
