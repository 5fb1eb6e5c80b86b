package com.performanceos.ledger.periods;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;

/** The periods' SQL; every method runs inside the caller's tenant transaction. */
final class PeriodStore {

	private static final String CERTIFICATE_COLUMNS = "c.id, to_char(c.month, 'YYYY-MM') AS certificate_month, c.version, "
			+ "c.closed_at, c.closed_by, c.sha256, c.content";

	private PeriodStore() {
	}

	/** Takes the month's period lock exclusively (until the transaction ends) and reads its status. */
	static Mono<Period.Status> lockAndReadStatus(DatabaseClient db, YearMonth month) {
		return db.sql("SELECT pg_advisory_xact_lock(ledger_period_lock_key(:month))")
			.bind("month", month.atDay(1))
			.then()
			.then(db.sql("SELECT status FROM ledger_period WHERE month = :month")
				.bind("month", month.atDay(1))
				.map(row -> Period.Status.valueOf(row.get("status", String.class)))
				.first()
				.defaultIfEmpty(Period.Status.OPEN));
	}

	/** The database's current time at millisecond precision, the precision balances compare at. */
	static Mono<OffsetDateTime> now(DatabaseClient db) {
		return db.sql("SELECT date_trunc('milliseconds', clock_timestamp()) AS now")
			.map(row -> row.get("now", OffsetDateTime.class))
			.one();
	}

	static Mono<Integer> nextVersion(DatabaseClient db, YearMonth month) {
		return db.sql("SELECT coalesce(max(version), 0) + 1 AS next FROM ledger_close_certificate WHERE month = :month")
			.bind("month", month.atDay(1))
			.map(row -> row.get("next", Integer.class))
			.one();
	}

	static Mono<Void> insertCertificate(TenantTransaction tx, YearMonth month, CloseCertificate certificate) {
		return tx.db().sql("INSERT INTO ledger_close_certificate (tenant_id, id, month, version, closed_at, closed_by, content, sha256) "
				+ "VALUES (:tenant, :id, :month, :version, :closedAt, :closedBy, :content, :sha256)")
			.bind("tenant", tx.tenant())
			.bind("id", certificate.key())
			.bind("month", month.atDay(1))
			.bind("version", certificate.version())
			.bind("closedAt", OffsetDateTime.ofInstant(certificate.closedAt(), ZoneOffset.UTC))
			.bind("closedBy", certificate.closedBy())
			.bind("content", certificate.content())
			.bind("sha256", certificate.sha256())
			.then();
	}

	static Mono<Void> setStatus(TenantTransaction tx, YearMonth month, Period.Status status, OffsetDateTime changedAt) {
		return tx.db().sql("INSERT INTO ledger_period (tenant_id, month, status, changed_at) VALUES (:tenant, :month, :status, :changedAt) "
				+ "ON CONFLICT (tenant_id, month) DO UPDATE SET status = excluded.status, changed_at = excluded.changed_at")
			.bind("tenant", tx.tenant())
			.bind("month", month.atDay(1))
			.bind("status", status.name())
			.bind("changedAt", changedAt)
			.then();
	}

	/** Every month from {@code from} to {@code to}, with its status and latest certificate. */
	static Mono<List<Period>> periods(DatabaseClient db, YearMonth from, YearMonth to) {
		return db.sql("""
				SELECT to_char(m.month, 'YYYY-MM') AS month, coalesce(p.status, 'OPEN') AS status, p.changed_at,
				       """ + CERTIFICATE_COLUMNS + """

				FROM (SELECT CAST(g AS date) AS month
				      FROM generate_series(CAST(:from AS timestamp), CAST(:to AS timestamp), interval '1 month') AS g) m
				LEFT JOIN ledger_period p ON p.month = m.month
				LEFT JOIN LATERAL (SELECT * FROM ledger_close_certificate c WHERE c.month = m.month ORDER BY c.version DESC LIMIT 1) c
				       ON true
				ORDER BY m.month""")
			.bind("from", from.atDay(1).atStartOfDay())
			.bind("to", to.atDay(1).atStartOfDay())
			.map(row -> {
				OffsetDateTime changedAt = row.get("changed_at", OffsetDateTime.class);
				return new Period(row.get("month", String.class), Period.Status.valueOf(row.get("status", String.class)),
						changedAt == null ? null : changedAt.toInstant(), row.get("id", UUID.class) == null ? null : toCertificate(row));
			})
			.all()
			.collectList();
	}

	static Mono<CloseCertificate> certificate(DatabaseClient db, UUID key) {
		return db.sql("SELECT " + CERTIFICATE_COLUMNS + " FROM ledger_close_certificate c WHERE c.id = :id")
			.bind("id", key)
			.map(PeriodStore::toCertificate)
			.one();
	}

	/** A month's certificate of the given version, or its latest when {@code version} is null. */
	static Mono<CloseCertificate> certificate(DatabaseClient db, YearMonth month, @Nullable Integer version) {
		String versionFilter = version == null ? "" : " AND c.version = :version";
		var select = db.sql("SELECT " + CERTIFICATE_COLUMNS + " FROM ledger_close_certificate c WHERE c.month = :month" + versionFilter
				+ " ORDER BY c.version DESC LIMIT 1")
			.bind("month", month.atDay(1));
		if (version != null) {
			select = select.bind("version", version);
		}
		return select.map(PeriodStore::toCertificate).one();
	}

	private static CloseCertificate toCertificate(Readable row) {
		return new CloseCertificate(row.get("id", UUID.class), row.get("certificate_month", String.class), row.get("version", Integer.class),
				row.get("closed_at", OffsetDateTime.class).toInstant(), row.get("closed_by", String.class),
				row.get("sha256", String.class).strip(), row.get("content", String.class));
	}

}
