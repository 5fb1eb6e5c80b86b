package com.performanceos.rules.commissions.approval;

import java.util.Optional;
import java.util.Set;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.scheduling.PeriodicWork;
import com.performanceos.platform.security.Viewer;

/**
 * The scheduled escalation of approvals (settings {@code performanceos.commissions.approval.schedule-*}): every
 * interval, for each tenant that submitted a run, it escalates the waits longer than allowed as of now, exactly as
 * {@code escalateCommissionApprovals} does. Every instance runs it; the overdue rows are taken with
 * {@code FOR UPDATE SKIP LOCKED} and each wait is escalated once, so instances do not duplicate each other's work.
 */
@Component
class ApprovalEscalationSchedule extends PeriodicWork {

	static final String ACTOR = "system:approval-escalation";

	private final DatabaseClient client;

	private final ApprovalEscalations escalations;

	private final ApprovalProperties settings;

	/** The tenant list is a system table without tenant policy, read before entering any tenant's transaction. */
	ApprovalEscalationSchedule(DatabaseClient client, ApprovalEscalations escalations, ApprovalProperties settings) {
		super("approval-escalation-schedule");
		this.client = client;
		this.escalations = escalations;
		this.settings = settings;
	}

	@Override
	protected Optional<Schedule> schedule() {
		return settings.scheduleEnabled() ? Optional.of(new Schedule(settings.scheduleInterval(), this::runAll)) : Optional.empty();
	}

	Mono<Void> runAll() {
		return forEachTenant(client.sql("SELECT tenant_id FROM commission_approval_tenant ORDER BY tenant_id LIMIT :limit")
			.bind("limit", settings.tenantsPerRunMax())
			.map(row -> row.get("tenant_id", String.class))
			.all(), tenant -> escalations.escalate(new Viewer(ACTOR, tenant, Set.of()), new ApprovalInputs.EscalateInput(null), null))
			.then();
	}

}
