package com.performanceos.scenarios.dunning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.scheduling.PeriodicWork;

/**
 * The scheduled dunning run (settings {@code performanceos.scenarios.dunning.schedule-*}): every interval, for each
 * tenant that has a cadence, it runs the cadences as of today (UTC), so reminders go out on their day without anyone
 * pressing {@code runDunning}. Every instance runs it; a message is claimed once per invoice and step, so instances do
 * not send it twice. The day comes from a
 * {@link Clock} so tests can move it.
 */
@Component
class DunningSchedule extends PeriodicWork {

	static final String ACTOR = "system:dunning-schedule";

	private final DatabaseClient client;

	private final DunningRunner runner;

	private final DunningProperties settings;

	/**
	 * The tenant list is a system table without tenant policy, read before entering any tenant's transaction;
	 * everything else goes through the tenant's own transaction in the runner.
	 */
	DunningSchedule(DatabaseClient client, DunningRunner runner, DunningProperties settings) {
		super("dunning-schedule");
		this.client = client;
		this.runner = runner;
		this.settings = settings;
	}

	@Override
	protected Optional<Schedule> schedule() {
		return settings.scheduleEnabled() ? Optional.of(new Schedule(settings.scheduleInterval(), () -> runAll(Clock.systemUTC())))
				: Optional.empty();
	}

	/**
	 * One scheduled run: every tenant with a cadence (at most {@code tenantsPerRunMax}), as of today on {@code clock};
	 * answers the number of messages sent. A tenant that fails is logged and retried by the next run.
	 */
	Mono<Integer> runAll(Clock clock) {
		LocalDate today = LocalDate.now(clock);
		return forEachTenant(client.sql("SELECT tenant_id FROM scenarios_dunning_tenant ORDER BY tenant_id LIMIT :limit")
			.bind("limit", settings.tenantsPerRunMax())
			.map(row -> row.get("tenant_id", String.class))
			.all(), tenant -> runner.run(tenant, ACTOR, today, null).map(RunDunning.Payload::sentCount))
			.reduce(0, Integer::sum);
	}

}
