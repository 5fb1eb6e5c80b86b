package com.performanceos.ledger.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.graphql.Money;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;

/** Reads the imported deals and quotas, page by page. */
@Component
class CrmRecords {

	private final TenantDatabase database;

	CrmRecords(TenantDatabase database) {
		this.database = database;
	}

	/** The schema's {@code Deal}. */
	record Deal(UUID key, String dealId, String rep, String product, String region, Money amount, Money arr, DealStage stage,
			LocalDate closeDate, UUID importKey, int sourceRow) {

		public String id() {
			return GlobalId.encode("Deal", key);
		}

	}

	/** The schema's {@code Quota}. */
	record Quota(UUID key, String rep, String period, Money amount, UUID importKey, int sourceRow) {

		public String id() {
			return GlobalId.encode("Quota", key);
		}

	}

	Mono<Connection<Deal>> deals(Viewer viewer, PageRequest page, @Nullable DealStage stage, @Nullable LocalDate closedFrom,
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
			var select = db.sql("SELECT id, deal_ref, rep, product, region, amount, arr, stage, close_date, currency, import_id, source_row "
					+ "FROM ledger_deal" + where + " ORDER BY close_date " + order + ", deal_ref " + order + " LIMIT :limit")
				.bind("limit", page.size() + 1);
			var count = db.sql("SELECT count(*) AS total FROM ledger_deal" + filter);
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
			Mono<List<Deal>> rows = select.map(CrmRecords::toDeal).all().collectList();
			return rows.zipWith(count.map(row -> row.get("total", Long.class)).one(),
					(found, total) -> Connection.fromKeyset(page, found, deal -> deal.closeDate() + "|" + deal.dealId(), total.intValue()));
		});
	}

	Mono<Connection<Quota>> quotas(Viewer viewer, String period, PageRequest page) {
		if (!QuotasImport.PERIOD.matcher(period).matches()) {
			return Mono.error(new GraphQlException(ErrorCode.BAD_USER_INPUT, "A period is written YYYY-MM"));
		}
		String keyset = page.cursorKey() == null ? "" : page.forward() ? " AND rep > :cursor" : " AND rep < :cursor";
		String order = page.forward() ? "ASC" : "DESC";
		return database.inTransaction(viewer.tenant(), db -> {
			var select = db.sql("SELECT id, rep, period, amount, currency, import_id, source_row FROM ledger_quota WHERE period = :period"
					+ keyset + " ORDER BY rep " + order + " LIMIT :limit")
				.bind("period", period)
				.bind("limit", page.size() + 1);
			if (page.cursorKey() != null) {
				select = select.bind("cursor", page.cursorKey());
			}
			Mono<List<Quota>> rows = select.map(CrmRecords::toQuota).all().collectList();
			Mono<Long> total = db.sql("SELECT count(*) AS total FROM ledger_quota WHERE period = :period").bind("period", period)
				.map(row -> row.get("total", Long.class)).one();
			return rows.zipWith(total, (found, count) -> Connection.fromKeyset(page, found, Quota::rep, count.intValue()));
		});
	}

	private static Deal toDeal(Readable row) {
		Currency currency = Currency.getInstance(row.get("currency", String.class).strip());
		return new Deal(row.get("id", UUID.class), row.get("deal_ref", String.class), row.get("rep", String.class),
				row.get("product", String.class), row.get("region", String.class), new Money(row.get("amount", BigDecimal.class), currency),
				new Money(row.get("arr", BigDecimal.class), currency), DealStage.valueOf(row.get("stage", String.class)),
				row.get("close_date", LocalDate.class), row.get("import_id", UUID.class), row.get("source_row", Integer.class));
	}

	private static Quota toQuota(Readable row) {
		return new Quota(row.get("id", UUID.class), row.get("rep", String.class), row.get("period", String.class).strip(),
				new Money(row.get("amount", BigDecimal.class), Currency.getInstance(row.get("currency", String.class).strip())),
				row.get("import_id", UUID.class), row.get("source_row", Integer.class));
	}

}
