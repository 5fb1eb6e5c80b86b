package com.performanceos.ledger.receivables.aging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.receivables.invoices.InvoiceKind;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;

/**
 * {@code aging}: one aggregate query computes every row of the page, its buckets and the total
 * row count. Open amounts are taken as of the report date from the payments dated on or before
 * it, not from the invoice's running paid amount, so a payment made later does not rewrite the past.
 */
@Controller
class AgingController {

	private final TenantDatabase database;

	AgingController(TenantDatabase database) {
		this.database = database;
	}

	@QueryMapping
	Mono<Connection<AgingRow>> aging(@Argument InvoiceKind kind, @Argument LocalDate asOf, @Argument AgingGroupBy groupBy,
			@Argument @Nullable Integer first, @Argument @Nullable String after, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		PageRequest page = PageRequest.of(first, after, null, null);
		String[] cursor = page.cursorKey() == null ? null : splitCursor(page.cursorKey());
		String sql = """
				WITH open_invoice AS (
				  SELECT i.id, i.counterparty_code, i.counterparty_name, i.region, i.currency::text AS currency, i.created_at,
				         CAST(:asOf AS date) - i.due_date AS days_past_due,
				         i.amount - coalesce(p.paid, 0) AS open_amount
				  FROM ledger_invoice i
				  LEFT JOIN (SELECT invoice_id, sum(amount) AS paid FROM ledger_invoice_payment
				             WHERE payment_date <= CAST(:asOf AS date) GROUP BY invoice_id) p ON p.invoice_id = i.id
				  WHERE i.kind = :kind AND i.issue_date <= CAST(:asOf AS date)
				), grouped AS (
				  SELECT %1$s AS group_key, %2$s AS group_name, currency,
				         coalesce(sum(open_amount) FILTER (WHERE days_past_due <= 0), 0) AS not_due,
				         coalesce(sum(open_amount) FILTER (WHERE days_past_due BETWEEN 1 AND 30), 0) AS days_1_30,
				         coalesce(sum(open_amount) FILTER (WHERE days_past_due BETWEEN 31 AND 60), 0) AS days_31_60,
				         coalesce(sum(open_amount) FILTER (WHERE days_past_due BETWEEN 61 AND 90), 0) AS days_61_90,
				         coalesce(sum(open_amount) FILTER (WHERE days_past_due > 90), 0) AS over_90,
				         count(*) AS invoice_count
				  FROM open_invoice WHERE open_amount > 0
				  GROUP BY %1$s, currency
				)
				-- The count comes from the same statement even when the page is past the last row.
				SELECT t.total_rows, c.* FROM (SELECT count(*) AS total_rows FROM grouped) t
				LEFT JOIN LATERAL (SELECT * FROM grouped %3$s ORDER BY group_key, currency LIMIT :limit) c ON true
				ORDER BY c.group_key, c.currency"""
			.formatted(groupBy.keyColumn(), groupBy.nameAggregate(),
					cursor == null ? "" : "WHERE (group_key, currency) > (:cursorKey, :cursorCurrency)");
		return database.inTransaction(viewer.tenant(), db -> {
			var select = db.sql(sql).bind("asOf", asOf).bind("kind", kind.name()).bind("limit", page.size() + 1);
			if (cursor != null) {
				select = select.bind("cursorKey", cursor[0]).bind("cursorCurrency", cursor[1]);
			}
			return select.map(row -> new Counted(row.get("group_key", String.class) == null ? null : toRow(row),
					row.get("total_rows", Long.class).intValue())).all().collectList();
		}).map(rows -> Connection.fromKeyset(page, rows.stream().map(Counted::row).filter(java.util.Objects::nonNull).toList(),
				AgingRow::cursorKey, rows.isEmpty() ? 0 : rows.get(0).totalRows()));
	}

	private static String[] splitCursor(String key) {
		int separator = key.lastIndexOf(AgingRow.CURSOR_SEPARATOR);
		if (separator < 0) {
			throw new GraphQlException(ErrorCode.BAD_USER_INPUT, "Not an aging cursor returned by this API");
		}
		return new String[] { key.substring(0, separator), key.substring(separator + 1) };
	}

	private static AgingRow toRow(Readable row) {
		return new AgingRow(row.get("group_key", String.class), row.get("group_name", String.class),
				Currency.getInstance(row.get("currency", String.class)),
				List.of(row.get("not_due", BigDecimal.class), row.get("days_1_30", BigDecimal.class),
						row.get("days_31_60", BigDecimal.class), row.get("days_61_90", BigDecimal.class),
						row.get("over_90", BigDecimal.class)),
				row.get("invoice_count", Long.class).intValue());
	}

	private record Counted(@Nullable AgingRow row, int totalRows) {
	}

}
