package com.performanceos.rules.commissions.contests;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;

/** The only code that names {@code commission_contest}. */
@Component
class ContestStore {

	private static final String COLUMNS = "id, name, starts_on, ends_on, metric, created_by, created_at";

	Mono<SalesContest> insert(TenantTransaction tx, UUID key, String name, LocalDate startsOn, LocalDate endsOn, String metric, String createdBy) {
		return tx.db().sql("""
				INSERT INTO commission_contest (tenant_id, id, name, starts_on, ends_on, metric, created_by)
				VALUES (:tenant, :id, :name, :starts, :ends, :metric, :by)""")
			.bind("tenant", tx.tenant()).bind("id", key).bind("name", name).bind("starts", startsOn).bind("ends", endsOn).bind("metric", metric)
			.bind("by", createdBy).fetch().rowsUpdated().then(contest(tx, key));
	}

	Mono<SalesContest> contest(TenantTransaction tx, UUID key) {
		return tx.db().sql("SELECT " + COLUMNS + " FROM commission_contest WHERE id = :id").bind("id", key).map(ContestStore::toContest).one();
	}

	Mono<List<SalesContest>> contests(TenantTransaction tx, List<UUID> keys) {
		return tx.db().sql("SELECT " + COLUMNS + " FROM commission_contest WHERE id = ANY(:ids)").bind("ids", keys.toArray(UUID[]::new))
			.map(ContestStore::toContest).all().collectList();
	}

	private static SalesContest toContest(Readable row) {
		return new SalesContest(row.get("id", UUID.class), row.get("name", String.class), row.get("starts_on", LocalDate.class),
				row.get("ends_on", LocalDate.class), row.get("metric", String.class), row.get("created_by", String.class),
				row.get("created_at", OffsetDateTime.class).toInstant());
	}

}
