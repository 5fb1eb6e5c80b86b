package com.performanceos.rules.commissions.approval;

import java.util.List;
import java.util.UUID;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.Caller;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.rules.commissions.runs.RunFacts;

/** GraphQL edge of the run approval: one mutation per step, the approval of a run, and escalation. */
@Controller
class ApprovalController {

	/** The ledger's type name of journal entries, for the global ids of the accrual entries. */
	private static final String JOURNAL_ENTRY = "JournalEntry";

	private final RunApprovals approvals;

	private final ApprovalEscalations escalations;

	private final ApprovalStore store;

	private final TenantDatabase database;

	ApprovalController(RunApprovals approvals, ApprovalEscalations escalations, ApprovalStore store, TenantDatabase database) {
		this.approvals = approvals;
		this.escalations = escalations;
		this.store = store;
		this.database = database;
	}

	@MutationMapping
	Mono<ApprovalInputs.StepPayload> submitCommissionRun(@Argument ApprovalInputs.StepInput input, Caller caller) {
		return approvals.submit(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<ApprovalInputs.StepPayload> approveCommissionRun(@Argument ApprovalInputs.StepInput input, Caller caller) {
		return approvals.approve(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<ApprovalInputs.StepPayload> returnCommissionRun(@Argument ApprovalInputs.StepInput input, Caller caller) {
		return approvals.sendBack(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<ApprovalInputs.StepPayload> markCommissionRunPaid(@Argument ApprovalInputs.StepInput input, Caller caller) {
		return approvals.markPaid(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<ApprovalInputs.StepPayload> reverseCommissionRun(@Argument ApprovalInputs.StepInput input, Caller caller) {
		return approvals.reverse(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<ApprovalInputs.EscalatePayload> escalateCommissionApprovals(@Argument ApprovalInputs.EscalateInput input, Caller caller) {
		return escalations.escalate(caller.viewer(), input, caller.sourceAddress());
	}

	@QueryMapping
	Mono<RunApproval> commissionRunApproval(@Argument String runId, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return RunFacts.runKey(runId)
			.map(key -> database.run(viewer.tenant(), tx -> store.load(tx, key, false).flatMap(approval -> approvals.readable(tx, viewer, approval))))
			.orElse(Mono.empty());
	}

	@SchemaMapping(typeName = "CommissionRunApproval", field = "runId")
	String runId(RunApproval approval) {
		return RunFacts.runId(approval.runKey());
	}

	@SchemaMapping(typeName = "CommissionRunApproval", field = "accrualEntryIds")
	List<String> accrualEntryIds(RunApproval approval) {
		return entryIds(approval.accrualEntries());
	}

	@SchemaMapping(typeName = "CommissionRunApproval", field = "reversalEntryIds")
	List<String> reversalEntryIds(RunApproval approval) {
		return entryIds(approval.reversalEntries());
	}

	private static List<String> entryIds(List<UUID> keys) {
		return keys.stream().map(key -> GlobalId.encode(JOURNAL_ENTRY, key)).toList();
	}

}
