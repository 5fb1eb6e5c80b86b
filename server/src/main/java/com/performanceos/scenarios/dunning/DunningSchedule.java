package com.performanceos.scenarios.dunning;

import java.time.Clock;
import java.time.LocalDate;

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
 * The scheduled dunning run (settings {@code performanceos.scenarios.dunning.schedule-*}): every interval, for each
 * tenant that has a cadence, it runs the cadences as of today (UTC), so reminders go out on their day without anyone
 * pressing {@code runDunning}. Every instance runs it; a message is claimed once per invoice and step, so instances do
 * not send it twice. A tick that arrives while the previous run is still going is dropped. The day comes from a
 * {@link Clock} so tests can move it.
 */
@Component
class DunningSchedule implements SmartLifecycle {

	static final String ACTOR = "system:dunning-schedule";

	private static final Logger log = LoggerFactory.getLogger(DunningSchedule.class);

	private final DatabaseClient client;

	private final DunningRunner runner;

	private final DunningProperties settings;

	private Disposable ticks = Disposables.disposed();

	private Scheduler scheduler = Schedulers.immediate();

	private volatile boolean running;

	/**
	 * The tenant list is a system table without tenant policy, read before entering any tenant's transaction;
	 * everything else goes through the tenant's own transaction in the runner.
	 */
	DunningSchedule(DatabaseClient client, DunningRunner runner, DunningProperties settings) {
		this.client = client;
		this.runner = runner;
		this.settings = settings;
	}

	@Override
	public synchronized void start() {
		if (running || !settings.scheduleEnabled()) {
			return;
		}
		scheduler = Schedulers.newSingle("dunning-schedule");
		ticks = Flux.interval(settings.scheduleInterval(), settings.scheduleInterval(), scheduler)
			.onBackpressureDrop()
			.concatMap(tick -> runAll(Clock.systemUTC()), 1)
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

	/**
	 * One scheduled run: every tenant with a cadence (at most {@code tenantsPerRunMax}), as of today on {@code clock};
	 * answers the number of messages sent. A tenant that fails is logged and retried by the next run.
	 */
	Mono<Integer> runAll(Clock clock) {
		LocalDate today = LocalDate.now(clock);
		return client.sql("SELECT tenant_id FROM scenarios_dunning_tenant ORDER BY tenant_id LIMIT :limit")
			.bind("limit", settings.tenantsPerRunMax())
			.map(row -> row.get("tenant_id", String.class))
			.all()
			.concatMap(tenant -> runner.run(tenant, ACTOR, today, null).map(RunDunning.Payload::sentCount).onErrorResume(error -> {
				log.warn("Scheduled dunning run failed for tenant {}; the next run retries: {}", tenant, error.toString());
				return Mono.just(0);
			}))
			.reduce(0, Integer::sum)
			.onErrorResume(error -> {
				log.warn("Scheduled dunning run failed; the next run retries: {}", error.toString());
				return Mono.just(0);
			});
	}

}
