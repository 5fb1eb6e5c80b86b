package com.performanceos.ledger.receivables.escalation;

import java.time.LocalDate;
import java.time.ZoneOffset;

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

/**
 * The scheduled escalation run (setting {@code performanceos.ledger.receivables.escalation.schedule-interval}):
 * every interval, for each tenant that has rules, it runs the rules as of today (UTC) and retries the
 * notifications whose backoff has elapsed. Every instance runs it; tasks are unique per rule and
 * invoice and notifications are leased, so instances do not duplicate each other's work. A tick
 * that arrives while the previous run is still going is dropped.
 */
@Component
class EscalationSchedule implements SmartLifecycle {

	static final String ACTOR = "system:escalation-schedule";

	private static final Logger log = LoggerFactory.getLogger(EscalationSchedule.class);

	private final DatabaseClient client;

	private final EscalationRunner runner;

	private final EscalationProperties settings;

	private Disposable ticks = Disposables.disposed();

	private Scheduler scheduler = Schedulers.immediate();

	private volatile boolean running;

	/**
	 * The tenant list is a system table without tenant policy, read before entering any tenant's
	 * transaction; everything else goes through the tenant's own transaction in the runner.
	 */
	EscalationSchedule(DatabaseClient client, EscalationRunner runner, EscalationProperties settings) {
		this.client = client;
		this.runner = runner;
		this.settings = settings;
	}

	@Override
	public synchronized void start() {
		if (running || !settings.scheduleEnabled()) {
			return;
		}
		scheduler = Schedulers.newSingle("escalation-schedule");
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
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		return client.sql("SELECT tenant_id FROM ledger_escalation_tenant ORDER BY tenant_id LIMIT :limit")
			.bind("limit", settings.tenantsPerRunMax())
			.map(row -> row.get("tenant_id", String.class))
			.all()
			.concatMap(tenant -> runner.run(tenant, ACTOR, today, true, null).onErrorResume(error -> {
				log.warn("Scheduled escalation run failed for tenant {}; the next run retries: {}", tenant, error.toString());
				return Mono.empty();
			}))
			.then()
			.onErrorResume(error -> {
				log.warn("Scheduled escalation run failed; the next run retries: {}", error.toString());
				return Mono.empty();
			});
	}

}
