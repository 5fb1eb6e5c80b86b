package com.performanceos.scenarios.dunning;

import java.util.Optional;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.scheduling.PeriodicWork;

/**
 * The retry pass of the pushes to the tenants' CRMs (settings {@code performanceos.scenarios.dunning.push.retry-*}):
 * every interval, for each tenant that set a receiver, it delivers the pushes whose backoff elapsed. Every instance
 * runs it; a push is claimed under a lease, so instances do not send it at the same time.
 */
@Component
class DunningPushSchedule extends PeriodicWork {

	static final String ACTOR = "system:dunning-push-retry";

	private final DatabaseClient client;

	private final DunningPushes pushes;

	private final DunningProperties settings;

	/** The tenant list is a system table without tenant policy, read before entering any tenant's transaction. */
	DunningPushSchedule(DatabaseClient client, DunningPushes pushes, DunningProperties settings) {
		super("dunning-push-retry");
		this.client = client;
		this.pushes = pushes;
		this.settings = settings;
	}

	@Override
	protected Optional<Schedule> schedule() {
		return settings.push().retryEnabled() ? Optional.of(new Schedule(settings.push().retryInterval(), this::runAll)) : Optional.empty();
	}

	/** One pass: every tenant with a receiver (at most {@code tenantsPerRunMax}); answers the pushes delivered. */
	Mono<Integer> runAll() {
		return forEachTenant(client.sql("SELECT tenant_id FROM scenarios_dunning_webhook_tenant ORDER BY tenant_id LIMIT :limit")
			.bind("limit", settings.tenantsPerRunMax())
			.map(row -> row.get("tenant_id", String.class))
			.all(), tenant -> pushes.deliver(tenant, ACTOR, true))
			.reduce(0, Integer::sum);
	}

}
