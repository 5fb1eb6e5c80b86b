package com.performanceos.rules.commissions.approval;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import com.performanceos.platform.security.Viewer;

/**
 * The scheduled escalation of approvals (settings {@code performanceos.commissions.approval.schedule-*}): every
 * interval, for each tenant that submitted a run, it escalates the waits longer than allowed as of now, exactly as
 * {@code escalateCommissionApprovals} does. Every instance runs it; the overdue rows are taken with
 * {@code FOR UPDATE SKIP LOCKED} and each wait is escalated once, so instances do not duplicate each other's work. A
 * tick that arrives while the previous run is still going is dropped.
 */
@Component
class ApprovalEscalationSchedule implements SmartLifecycle {

	static final String ACTOR = "system:approval-escalation";

	private static final Logger log = LoggerFactory.getLogger(ApprovalEscalationSchedule.class);

	private final DatabaseClient client;

	private final ApprovalEscalations escalations;

	private final ApprovalProperties settings;

	private Disposable ticks = Disposables.disposed();

	private Scheduler scheduler = Schedulers.immediate();

	private volatile boolean running;

	/** The tenant list is a system table without tenant policy, read before entering any tenant's transaction. */
	ApprovalEscalationSchedule(DatabaseClient client, ApprovalEscalations escalations, ApprovalProperties settings) {
		this.client = client;
		this.escalations = escalations;
		this.settings = settings;
	}

	@Override
	public synchronized void start() {
		if (running || !settings.scheduleEnabled()) {
			return;
		}
		scheduler = Schedulers.newSingle("approval-escalation-schedule");
		ticks = Flux.interval(settings.scheduleInterval(), settings.scheduleInterval(), scheduler)
			.onBackpressureDrop()
			.concatMap(tick -> runAll(), 1)
			.subscribe();
		running = true;
	}

	@Override
	public synchronized void stop() {
		ticks.dispose();
		scheduler.dispose();
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	Mono<Void> runAll() {
		return client.sql("SELECT tenant_id FROM commission_approval_tenant ORDER BY tenant_id LIMIT :limit")
			.bind("limit", settings.tenantsPerRunMax())
			.map(row -> row.get("tenant_id", String.class))
			.all()
			.concatMap(tenant -> escalations.escalate(new Viewer(ACTOR, tenant, Set.of()), new ApprovalInputs.EscalateInput(null), null)
				.onErrorResume(error -> {
					log.warn("Scheduled approval escalation failed for tenant {}; the next run retries: {}", tenant, error.toString());
					return Mono.empty();
				}))
			.then()
			.onErrorResume(error -> {
				log.warn("Scheduled approval escalation failed; the next run retries: {}", error.toString());
				return Mono.empty();
			});
	}

}
