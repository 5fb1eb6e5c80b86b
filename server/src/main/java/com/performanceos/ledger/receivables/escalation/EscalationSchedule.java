package com.performanceos.ledger.receivables.escalation;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.scheduling.PeriodicWork;

/**
 * The scheduled escalation run (setting {@code performanceos.ledger.receivables.escalation.schedule-interval}):
 * every interval, for each tenant that has rules, it runs the rules as of today (UTC) and retries the
 * notifications whose backoff has elapsed. Every instance runs it; tasks are unique per rule and
 * invoice and notifications are leased, so instances do not duplicate each other's work.
 */
@Component
class EscalationSchedule extends PeriodicWork {

	static final String ACTOR = "system:escalation-schedule";

	private final DatabaseClient client;

	private final EscalationRunner runner;

	private final EscalationProperties settings;

	/**
	 * The tenant list is a system table without tenant policy, read before entering any tenant's
	 * transaction; everything else goes through the tenant's own transaction in the runner.
	 */
	EscalationSchedule(DatabaseClient client, EscalationRunner runner, EscalationProperties settings) {
		super("escalation-schedule");
		this.client = client;
		this.runner = runner;
		this.settings = settings;
	}

	@Override
	protected Optional<Schedule> schedule() {
		return settings.scheduleEnabled() ? Optional.of(new Schedule(settings.scheduleInterval(), this::runAll)) : Optional.empty();
	}

	Mono<Void> runAll() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		return forEachTenant(client.sql("SELECT tenant_id FROM ledger_escalation_tenant ORDER BY tenant_id LIMIT :limit")
			.bind("limit", settings.tenantsPerRunMax())
			.map(row -> row.get("tenant_id", String.class))
			.all(), tenant -> runner.run(tenant, ACTOR, today, true, null)).then();
	}

}
