package com.performanceos.rules.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.imports.DealStage;
import com.performanceos.ledger.imports.SalesImportSink;
import com.performanceos.platform.events.Outbox;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.graphql.Money;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * The only code that names {@code sales_deal} and {@code sales_quota}: set-based writes for the
 * imports (the ledger's {@link SalesImportSink}), keyset pages for GraphQL and bounded reads for
 * {@link SalesData}.
 */
@Component
class SalesStore implements SalesImportSink {

	private static final String DEAL_COLUMNS = "id, deal_ref, rep, product, region, amount, arr, stage, close_date, currency, import_id, "
			+ "source_row, crm_sync_id";

	private static final String QUOTA_COLUMNS = "id, rep, period, amount, currency, import_id, source_row";

	private final TenantDatabase database;

	private final Outbox outbox;

	SalesStore(TenantDatabase database, Outbox outbox) {
		this.database = database;
		this.outbox = outbox;
	}

	@Override
	public Flux<String> knownDealIds(TenantTransaction tx, Collection<String> dealIds) {
		return tx.db().sql("SELECT deal_ref FROM sales_deal WHERE deal_ref = ANY(:refs)")
			.bind("refs", dealIds.toArray(String[]::new))
			.map(row -> row.get("deal_ref", String.class))
			.all();
	}

	@Override
	public Mono<Long> addDeals(TenantTransaction tx, UUID importKey, List<ImportedDeal> deals) {
		return tx.db().sql("""
				INSERT INTO sales_deal (tenant_id, id, deal_ref, rep, product, region, amount, arr, stage, close_date, currency,
				                        import_id, source_row)
				SELECT :tenant, id, deal_ref, rep, product, region, amount, arr, stage, close_date, currency, :import, source_row
				FROM unnest(CAST(:ids AS uuid[]), CAST(:refs AS text[]), CAST(:reps AS text[]), CAST(:products AS text[]),
				            CAST(:regions AS text[]), CAST(:amounts AS numeric[]), CAST(:arrs AS numeric[]), CAST(:stages AS text[]),
				            CAST(:dates AS date[]), CAST(:currencies AS text[]), CAST(:rows AS int[]))
				     AS d(id, deal_ref, rep, product, region, amount, arr, stage, close_date, currency, source_row)""")
			.bind("tenant", tx.tenant())
			.bind("import", importKey)
			.bind("ids", deals.stream().map(deal -> UUID.randomUUID()).toArray(UUID[]::new))
			.bind("refs", deals.stream().map(ImportedDeal::dealId).toArray(String[]::new))
			.bind("reps", deals.stream().map(ImportedDeal::rep).toArray(String[]::new))
			.bind("products", deals.stream().map(ImportedDeal::product).toArray(String[]::new))
			.bind("regions", deals.stream().map(ImportedDeal::region).toArray(String[]::new))
			.bind("amounts", deals.stream().map(deal -> deal.amount().toPlainString()).toArray(String[]::new))
			.bind("arrs", deals.stream().map(deal -> deal.arr().toPlainString()).toArray(String[]::new))
			.bind("stages", deals.stream().map(deal -> deal.stage().name()).toArray(String[]::new))
			.bind("dates", deals.stream().map(ImportedDeal::closeDate).toArray(LocalDate[]::new))
			.bind("currencies", deals.stream().map(deal -> deal.currency().getCurrencyCode()).toArray(String[]::new))
			.bind("rows", deals.stream().map(ImportedDeal::sourceRow).toArray(Integer[]::new))
			.fetch()
			.rowsUpdated()
			.flatMap(stored -> deals.isEmpty() ? Mono.just(stored)
					: outbox.publish(tx, Instant.now(), imported(importKey, deals)).thenReturn(stored));
	}

	private static DealsImported imported(UUID importKey, List<ImportedDeal> deals) {
		LocalDate from = deals.stream().map(ImportedDeal::closeDate).min(LocalDate::compareTo).orElseThrow();
		LocalDate to = deals.stream().map(ImportedDeal::closeDate).max(LocalDate::compareTo).orElseThrow();
		return new DealsImported(importKey.toString(), deals.size(), from.toString(), to.toString());
	}

	@Override
	public Flux<String> knownQuotas(TenantTransaction tx, Collection<ImportedQuota> quotas) {
		return tx.db().sql("""
				SELECT q.period, q.rep FROM sales_quota q
				JOIN unnest(CAST(:periods AS text[]), CAST(:reps AS text[])) AS f(period, rep) ON f.period = q.period AND f.rep = q.rep""")
			.bind("periods", quotas.stream().map(ImportedQuota::period).toArray(String[]::new))
			.bind("reps", quotas.stream().map(ImportedQuota::rep).toArray(String[]::new))
			.map(row -> row.get("period", String.class).strip() + '\u001f' + row.get("rep", String.class))
			.all();
	}

	@Override
	public Mono<Long> addQuotas(TenantTransaction tx, UUID importKey, List<ImportedQuota> quotas) {
		return tx.db().sql("""
				INSERT INTO sales_quota (tenant_id, id, rep, period, amount, currency, import_id, source_row)
				SELECT :tenant, id, rep, period, amount, currency, :import, source_row
				FROM unnest(CAST(:ids AS uuid[]), CAST(:reps AS text[]), CAST(:periods AS text[]), CAST(:amounts AS numeric[]),
				            CAST(:currencies AS text[]), CAST(:rows AS int[])) AS q(id, rep, period, amount, currency, source_row)""")
			.bind("tenant", tx.tenant())
			.bind("import", importKey)
			.bind("ids", quotas.stream().map(quota -> UUID.randomUUID()).toArray(UUID[]::new))
			.bind("reps", quotas.stream().map(ImportedQuota::rep).toArray(String[]::new))
			.bind("periods", quotas.stream().map(ImportedQuota::period).toArray(String[]::new))
			.bind("amounts", quotas.stream().map(quota -> quota.amount().toPlainString()).toArray(String[]::new))
			.bind("currencies", quotas.stream().map(quota -> quota.currency().getCurrencyCode()).toArray(String[]::new))
			.bind("rows", quotas.stream().map(ImportedQuota::sourceRow).toArray(Integer[]::new))
			.fetch()
			.rowsUpdated();
	}

	Mono<List<Deal>> dealsClosing(TenantTransaction tx, LocalDate from, LocalDate to, int max) {
		return tx.db().sql("SELECT " + DEAL_COLUMNS + " FROM sales_deal WHERE close_date BETWEEN :from AND :to "
				+ "ORDER BY close_date, deal_ref LIMIT :max")
			.bind("from", from).bind("to", to).bind("max", max)
			.map(SalesStore::toDeal).all().collectList();
	}

	Mono<List<Quota>> quotas(TenantTransaction tx, String period, int max) {
		return tx.db().sql("SELECT " + QUOTA_COLUMNS + " FROM sales_quota WHERE period = :period ORDER BY rep LIMIT :max")
			.bind("period", period).bind("max", max)
			.map(SalesStore::toQuota).all().collectList();
	}

	Mono<Connection<Deal>> dealPage(Viewer viewer, PageRequest page, @Nullable DealStage stage, @Nullable LocalDate closedFrom,
			@Nullable LocalDate closedTo) {
		if (page.cursorKey() != null && !page.cursorKey().matches("\\d{4}-\\d{2}-\\d{2}\\|.{1,500}")) {
			return Mono.error(new GraphQlException(ErrorCode.BAD_USER_INPUT, "Not a deal cursor"));
		}
		StringBuilder where = new StringBuilder(" WHERE true");
		if (stage != null) {
			where.append(" AND stage = :stage");
		}
		if (closedFrom != null) {
			where.append(" AND close_date >= :from");
		}
		if (closedTo != null) {
			where.append(" AND close_date <= :to");
		}
		String filter = where.toString();
		if (page.cursorKey() != null) {
			where.append(page.forward() ? " AND (close_date, deal_ref) > (:cursorDate, :cursorRef)" : " AND (close_date, deal_ref) < (:cursorDate, :cursorRef)");
		}
		String order = page.forward() ? "ASC" : "DESC";
		return database.inTransaction(viewer.tenant(), db -> {
			var select = db.sql("SELECT " + DEAL_COLUMNS + " FROM sales_deal" + where + " ORDER BY close_date " + order + ", deal_ref " + order
					+ " LIMIT :limit")
				.bind("limit", page.size() + 1);
			var count = db.sql("SELECT count(*) AS total FROM sales_deal" + filter);
			if (stage != null) {
				select = select.bind("stage", stage.name());
				count = count.bind("stage", stage.name());
			}
			if (closedFrom != null) {
				select = select.bind("from", closedFrom);
				count = count.bind("from", closedFrom);
			}
			if (closedTo != null) {
				select = select.bind("to", closedTo);
				count = count.bind("to", closedTo);
			}
			if (page.cursorKey() != null) {
				String[] parts = page.cursorKey().split("\\|", 2);
				select = select.bind("cursorDate", LocalDate.parse(parts[0])).bind("cursorRef", parts[1]);
			}
			Mono<List<Deal>> rows = select.map(SalesStore::toDeal).all().collectList();
			return rows.zipWith(count.map(row -> row.get("total", Long.class)).one(),
					(found, total) -> Connection.fromKeyset(page, found, deal -> deal.closeDate() + "|" + deal.dealId(), total.intValue()));
		});
	}

	Mono<Connection<Quota>> quotaPage(Viewer viewer, String period, PageRequest page) {
		if (!Quota.PERIOD.matcher(period).matches()) {
			return Mono.error(new GraphQlException(ErrorCode.BAD_USER_INPUT, "A period is written YYYY-MM"));
		}
		String keyset = page.cursorKey() == null ? "" : page.forward() ? " AND rep > :cursor" : " AND rep < :cursor";
		String order = page.forward() ? "ASC" : "DESC";
		return database.inTransaction(viewer.tenant(), db -> {
			var select = db.sql("SELECT " + QUOTA_COLUMNS + " FROM sales_quota WHERE period = :period" + keyset + " ORDER BY rep " + order
					+ " LIMIT :limit")
				.bind("period", period)
				.bind("limit", page.size() + 1);
			if (page.cursorKey() != null) {
				select = select.bind("cursor", page.cursorKey());
			}
			Mono<List<Quota>> rows = select.map(SalesStore::toQuota).all().collectList();
			Mono<Long> total = db.sql("SELECT count(*) AS total FROM sales_quota WHERE period = :period").bind("period", period)
				.map(row -> row.get("total", Long.class)).one();
			return rows.zipWith(total, (found, count) -> Connection.fromKeyset(page, found, Quota::rep, count.intValue()));
		});
	}

	static Deal toDeal(Readable row) {
		Currency currency = Currency.getInstance(row.get("currency", String.class).strip());
		return new Deal(row.get("id", UUID.class), row.get("deal_ref", String.class), row.get("rep", String.class),
				row.get("product", String.class), row.get("region", String.class), new Money(row.get("amount", BigDecimal.class), currency),
				new Money(row.get("arr", BigDecimal.class), currency), DealStage.valueOf(row.get("stage", String.class)),
				row.get("close_date", LocalDate.class), lineage(row), row.get("source_row", Integer.class),
				row.get("import_id", UUID.class) == null ? DealSource.CRM_SYNC : DealSource.IMPORT);
	}

	/** The import that brought a deal or, for a deal a CRM connector keeps in step, the sync that last changed it. */
	private static UUID lineage(Readable row) {
		UUID importKey = row.get("import_id", UUID.class);
		return importKey != null ? importKey : java.util.Objects.requireNonNull(row.get("crm_sync_id", UUID.class), "crm_sync_id");
	}

	private static Quota toQuota(Readable row) {
		return new Quota(row.get("id", UUID.class), row.get("rep", String.class), row.get("period", String.class).strip(),
				new Money(row.get("amount", BigDecimal.class), Currency.getInstance(row.get("currency", String.class).strip())),
				row.get("import_id", UUID.class), row.get("source_row", Integer.class));
	}

}
