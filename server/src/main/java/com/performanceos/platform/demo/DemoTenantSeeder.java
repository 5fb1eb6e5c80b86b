package com.performanceos.platform.demo;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.security.Role;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;

/**
 * Seeds the demo tenant once, at start-up of the embedded default (where
 * {@code performanceos.demo.enabled} is true unless set otherwise). A marker row makes it run
 * once per database; a restart after a failed seed tries again.
 */
@Component
@ConditionalOnBooleanProperty("performanceos.demo.enabled")
final class DemoTenantSeeder implements ApplicationRunner {

	static final String DEMO_TENANT = "demo";

	private static final Logger log = LoggerFactory.getLogger(DemoTenantSeeder.class);

	private final TenantDatabase database;

	private final List<DemoDataContributor> contributors;

	DemoTenantSeeder(TenantDatabase database, List<DemoDataContributor> contributors) {
		this.database = database;
		this.contributors = contributors.stream().sorted(Comparator.comparingInt(DemoDataContributor::order)).toList();
	}

	@Override
	public void run(ApplicationArguments args) {
		Viewer admin = new Viewer("demo-seed", DEMO_TENANT, EnumSet.of(Role.ADMIN));
		Boolean seeded = alreadySeeded().flatMap(done -> done ? Mono.just(false)
				: Flux.fromIterable(contributors).concatMap(contributor -> contributor.seed(admin)).then(markSeeded()).thenReturn(true))
			.block();
		if (Boolean.TRUE.equals(seeded)) {
			log.info("Seeded the '{}' tenant with demo data from {} contributors", DEMO_TENANT, contributors.size());
		}
	}

	private Mono<Boolean> alreadySeeded() {
		return database.inTransaction(DEMO_TENANT, db -> db.sql("SELECT count(*) AS n FROM demo_seed")
			.map(row -> row.get("n", Long.class) > 0)
			.one());
	}

	private Mono<Void> markSeeded() {
		return database.inTransaction(DEMO_TENANT, (DatabaseClient db) -> db
			.sql("INSERT INTO demo_seed (tenant_id) VALUES (:tenant) ON CONFLICT DO NOTHING")
			.bind("tenant", DEMO_TENANT)
			.then());
	}

}
