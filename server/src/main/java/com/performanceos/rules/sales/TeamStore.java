package com.performanceos.rules.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * The only code that names {@code sales_rep}, {@code sales_rep_manager}, {@code sales_deal_credit} and
 * {@code sales_deal_cancellation}. Reads take the instant the data is to be seen as known at: rows recorded later
 * are invisible, which is what makes a run over a closed period reproducible.
 */
@Component
class TeamStore {

	private static final String DEAL_COLUMNS = "d.id, d.deal_ref, d.rep, d.product, d.region, d.amount, d.arr, d.stage, d.close_date, "
			+ "d.currency, d.import_id, d.source_row";

	Mono<List<DealCredits>> creditedDeals(TenantTransaction tx, LocalDate from, LocalDate to, Instant knownAt, int max) {
		return tx.db().sql("""
				SELECT %s, c.rep_code, c.share_percent
				FROM (SELECT * FROM sales_deal d
				      WHERE d.close_date BETWEEN :from AND :to AND d.recorded_at <= :knownAt
				        AND NOT EXISTS (SELECT 1 FROM sales_deal_cancellation x
				                        WHERE x.deal_id = d.id AND x.recorded_at <= :knownAt AND x.cancellation_date <= :to)
				      ORDER BY d.close_date, d.deal_ref LIMIT :max) d
				LEFT JOIN LATERAL (SELECT split_set FROM sales_deal_credit
				                   WHERE deal_id = d.id AND recorded_at <= :knownAt ORDER BY recorded_at DESC, split_set LIMIT 1) s ON true
				LEFT JOIN sales_deal_credit c ON c.split_set = s.split_set
				ORDER BY d.close_date, d.deal_ref, c.rep_code""".formatted(DEAL_COLUMNS))
			.bind("from", from).bind("to", to).bind("knownAt", knownAt.atOffset(ZoneOffset.UTC)).bind("max", max)
			.map(row -> new Object[] { SalesStore.toDeal(row), row.get("rep_code", String.class), row.get("share_percent", BigDecimal.class) })
			.all()
			.collectList()
			.map(TeamStore::grouped);
	}

	private static List<DealCredits> grouped(List<Object[]> rows) {
		Map<UUID, Deal> deals = new LinkedHashMap<>();
		Map<UUID, List<DealCredits.Share>> shares = new LinkedHashMap<>();
		for (Object[] row : rows) {
			Deal deal = (Deal) row[0];
			deals.putIfAbsent(deal.key(), deal);
			List<DealCredits.Share> list = shares.computeIfAbsent(deal.key(), key -> new ArrayList<>());
			if (row[1] != null) {
				list.add(new DealCredits.Share((String) row[1], (BigDecimal) row[2]));
			}
		}
		List<DealCredits> credited = new ArrayList<>(deals.size());
		deals.forEach((key, deal) -> credited.add(new DealCredits(deal, List.copyOf(shares.get(key)))));
		return credited;
	}

	Mono<List<DealCredits.Cancellation>> cancellations(TenantTransaction tx, LocalDate from, LocalDate to, Instant knownAt, int max) {
		return tx.db().sql("SELECT " + DEAL_COLUMNS + ", x.cancellation_date, x.recorded_at AS cancelled_at FROM sales_deal_cancellation x "
				+ "JOIN sales_deal d ON d.id = x.deal_id WHERE x.cancellation_date BETWEEN :from AND :to AND x.recorded_at <= :knownAt "
				+ "AND d.close_date < :from ORDER BY d.deal_ref LIMIT :max")
			.bind("from", from).bind("to", to).bind("knownAt", knownAt.atOffset(ZoneOffset.UTC)).bind("max", max)
			.map(row -> new DealCredits.Cancellation(SalesStore.toDeal(row), row.get("cancellation_date", LocalDate.class),
					row.get("cancelled_at", OffsetDateTime.class).toInstant()))
			.all().collectList();
	}

	Mono<List<SalesRep>> reps(TenantTransaction tx, int max) {
		return tx.db().sql("SELECT id, code, name, role, subject FROM sales_rep ORDER BY code LIMIT :max").bind("max", max)
			.map(TeamStore::toRep).all().collectList();
	}

	Mono<List<SalesRep>> repsByCode(TenantTransaction tx, List<String> codes) {
		return tx.db().sql("SELECT id, code, name, role, subject FROM sales_rep WHERE code = ANY(:codes) ORDER BY code")
			.bind("codes", codes.toArray(String[]::new)).map(TeamStore::toRep).all().collectList();
	}

	Mono<SalesRep> repOfSubject(TenantTransaction tx, String subject) {
		return tx.db().sql("SELECT id, code, name, role, subject FROM sales_rep WHERE subject = :subject").bind("subject", subject)
			.map(TeamStore::toRep).one();
	}

	Mono<Hierarchy> hierarchy(TenantTransaction tx, Instant knownAt, int max) {
		return tx.db().sql("SELECT rep_code, manager_code, valid_from, valid_to FROM sales_rep_manager WHERE recorded_at <= :knownAt "
				+ "ORDER BY rep_code, valid_from, id LIMIT :max")
			.bind("knownAt", knownAt.atOffset(ZoneOffset.UTC)).bind("max", max)
			.map(row -> new Hierarchy.Link(row.get("rep_code", String.class), row.get("manager_code", String.class),
					row.get("valid_from", LocalDate.class), row.get("valid_to", LocalDate.class)))
			.all().collectList().map(Hierarchy::new);
	}

	Mono<Long> upsertReps(TenantTransaction tx, List<RecordSalesReps.RepInput> reps) {
		return tx.db().sql("""
				INSERT INTO sales_rep (tenant_id, id, code, name, role, subject)
				SELECT :tenant, gen_random_uuid(), code, name, role, subject
				FROM unnest(CAST(:codes AS text[]), CAST(:names AS text[]), CAST(:roles AS text[]), CAST(:subjects AS text[]))
				     AS r(code, name, role, subject)
				ON CONFLICT (tenant_id, code) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role, subject = EXCLUDED.subject""")
			.bind("tenant", tx.tenant())
			.bind("codes", reps.stream().map(rep -> rep.code().strip()).toArray(String[]::new))
			.bind("names", reps.stream().map(rep -> rep.name().strip()).toArray(String[]::new))
			.bind("roles", reps.stream().map(RecordSalesReps.RepInput::role).toArray(String[]::new))
			.bind("subjects", reps.stream().map(rep -> rep.subject() == null ? null : rep.subject().strip()).toArray(String[]::new))
			.fetch().rowsUpdated();
	}

	Mono<Long> insertLinks(TenantTransaction tx, List<RecordSalesReps.ManagerInput> links) {
		return tx.db().sql("""
				INSERT INTO sales_rep_manager (tenant_id, id, rep_code, manager_code, valid_from, valid_to)
				SELECT :tenant, gen_random_uuid(), rep, manager, valid_from, valid_to
				FROM unnest(CAST(:reps AS text[]), CAST(:managers AS text[]), CAST(:froms AS date[]), CAST(:tos AS date[]))
				     AS l(rep, manager, valid_from, valid_to)""")
			.bind("tenant", tx.tenant())
			.bind("reps", links.stream().map(link -> link.rep().strip()).toArray(String[]::new))
			.bind("managers", links.stream().map(link -> link.manager().strip()).toArray(String[]::new))
			.bind("froms", links.stream().map(RecordSalesReps.ManagerInput::validFrom).toArray(LocalDate[]::new))
			.bind("tos", links.stream().map(RecordSalesReps.ManagerInput::validTo).toArray(LocalDate[]::new))
			.fetch().rowsUpdated();
	}

	Mono<Deal> deal(TenantTransaction tx, UUID key) {
		return tx.db().sql("SELECT " + DEAL_COLUMNS + " FROM sales_deal d WHERE d.id = :id").bind("id", key).map(SalesStore::toDeal).one();
	}

	Mono<Long> insertSplit(TenantTransaction tx, UUID dealKey, List<DealCredits.Share> shares, String recordedBy) {
		UUID set = UUID.randomUUID();
		return tx.db().sql("""
				INSERT INTO sales_deal_credit (tenant_id, id, deal_id, split_set, rep_code, share_percent, recorded_by)
				SELECT :tenant, gen_random_uuid(), :deal, :set, rep, share, :by
				FROM unnest(CAST(:reps AS text[]), CAST(:shares AS numeric[])) AS s(rep, share)""")
			.bind("tenant", tx.tenant()).bind("deal", dealKey).bind("set", set).bind("by", recordedBy)
			.bind("reps", shares.stream().map(DealCredits.Share::rep).toArray(String[]::new))
			.bind("shares", shares.stream().map(share -> share.sharePercent().toPlainString()).toArray(String[]::new))
			.fetch().rowsUpdated();
	}

	Mono<Boolean> insertCancellation(TenantTransaction tx, UUID dealKey, LocalDate day, String recordedBy) {
		return tx.db().sql("INSERT INTO sales_deal_cancellation (tenant_id, id, deal_id, cancellation_date, recorded_by) "
				+ "VALUES (:tenant, gen_random_uuid(), :deal, :day, :by) ON CONFLICT (deal_id) DO NOTHING")
			.bind("tenant", tx.tenant()).bind("deal", dealKey).bind("day", day).bind("by", recordedBy)
			.fetch().rowsUpdated().map(count -> count == 1);
	}

	private static SalesRep toRep(Readable row) {
		return new SalesRep(row.get("id", UUID.class), row.get("code", String.class), row.get("name", String.class), row.get("role", String.class),
				row.get("subject", String.class));
	}

}
