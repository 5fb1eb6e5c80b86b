package com.performanceos.rules.commissions.approval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.events.Outbox;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.rules.commissions.runs.RunFacts;

/**
 * Escalates runs that waited longer than {@code step-wait-max} for their current step, as of an instant the caller
 * gives (now by default; tests and back-office tools pass another, which is the controllable clock). Each wait is
 * escalated once: an ESCALATE step, a {@link RunApprovalEscalated} event through the outbox and one audit record per
 * call that escalated anything, in one transaction. The next step taken starts a new wait. {@link ApprovalEscalationSchedule}
 * calls it as of now on a schedule.
 */
@Component
class ApprovalEscalations {

	/** The most runs one call escalates; a later call takes the rest. */
	static final int RUNS_PER_CALL_MAX = 500;

	static final String ACTION = "commissions.approvals.escalated";

	private final Mutations mutations;

	private final ApprovalStore store;

	private final RunFacts runs;

	private final Outbox outbox;

	private final ApprovalProperties settings;

	ApprovalEscalations(Mutations mutations, ApprovalStore store, RunFacts runs, Outbox outbox, ApprovalProperties settings) {
		this.mutations = mutations;
		this.store = store;
		this.runs = runs;
		this.outbox = outbox;
		this.settings = settings;
	}

	Mono<ApprovalInputs.EscalatePayload> escalate(Viewer viewer, ApprovalInputs.EscalateInput input, @Nullable String sourceAddress) {
		Instant asOf = input.asOf() == null ? Instant.now() : input.asOf().toInstant();
		return mutations.once(viewer.tenant(), tx -> store.overdue(tx, asOf.minus(settings.stepWaitMax()), RUNS_PER_CALL_MAX)
			.flatMapMany(Flux::fromIterable)
			.concatMap(runKey -> escalateOne(tx, runKey, asOf))
			.collectList()
			.map(escalated -> escalated.isEmpty()
					// Nothing changed: no audit record, or the schedule would write one per tenant every interval.
					? new Outcome.Committed<>(new ApprovalInputs.EscalatePayload(List.of(), List.of()), null, null)
					: Outcome.committed(new ApprovalInputs.EscalatePayload(escalated, List.of()),
							new AuditEntry(viewer.subject(), ACTION, RunApprovals.TARGET_TYPE, null, sourceAddress, null,
									Map.of("asOf", asOf.toString(), "stepWaitMax", settings.stepWaitMax().toString(), "runs", escalated)))));
	}

	private Mono<String> escalateOne(TenantTransaction tx, java.util.UUID runKey, Instant asOf) {
		return store.load(tx, runKey, false).zipWith(runs.summary(tx, runKey)).flatMap(loaded -> {
			RunApproval approval = loaded.getT1();
			ApprovalStep step = new ApprovalStep(approval.nextSeq(), approval.cycle(), ApprovalAction.ESCALATE, "system:approval-escalation", List.of(),
					"Waiting for the " + approval.status() + " step since " + approval.waitingSince(), asOf);
			List<ApprovalStep> steps = new ArrayList<>(approval.steps());
			steps.add(step);
			RunApproval escalated = new RunApproval(runKey, approval.status(), approval.cycle(), approval.waitingSince(), asOf,
					approval.accrualEntries(), approval.reversalEntries(), steps);
			return store.save(tx, escalated, false)
				.then(store.addStep(tx, runKey, step))
				.then(outbox.publish(tx, asOf, new RunApprovalEscalated(runKey, loaded.getT2().period().toString(), approval.status().name(),
						approval.waitingSince(), asOf)))
				.thenReturn(RunFacts.runId(runKey));
		});
	}

}
