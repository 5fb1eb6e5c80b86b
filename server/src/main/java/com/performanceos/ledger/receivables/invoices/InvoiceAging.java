package com.performanceos.ledger.receivables.invoices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * The open amounts of invoices by how far past due they are, grouped by counterparty or region and
 * currency, for the aging report: one aggregate statement computes a keyset page of groups and the
 * number of groups. Open amounts are taken as of the report date from the payments dated on or
 * before it, not from the invoice's running paid amount, so a payment made later does not rewrite
 * the past.
 */
@Component
public final class InvoiceAging {

	private static final String SQL = """
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
			ORDER BY c.group_key, c.currency""";

	/** How invoices are grouped. */
	public enum Grouping {

		/** By counterparty code; the name is the latest one recorded for the code. */
		COUNTERPARTY("counterparty_code", "(array_agg(counterparty_name ORDER BY created_at DESC, id))[1]"),
		/** By region; the name is the region itself. */
		REGION("region", "min(region)");

		/** The grouping column; a constant, never user input. */
		private final String keyColumn;

		/** The aggregate giving the group's display name; a constant, never user input. */
		private final String nameAggregate;

		Grouping(String keyColumn, String nameAggregate) {
			this.keyColumn = keyColumn;
			this.nameAggregate = nameAggregate;
		}

	}

	/** The position of the last group of the previous page. */
	public record Cursor(String key, String currency) {
	}

	/**
	 * One group in one currency.
	 *
	 * @param key the counterparty code or region
	 * @param name the display name
	 * @param currency the ISO 4217 code of every amount
	 * @param bucketAmounts the open amounts not yet due, 1-30, 31-60, 61-90 and over 90 days past due, in this order
	 * @param invoiceCount the invoices with an open amount
	 */
	public record Group(String key, String name, String currency, List<BigDecimal> bucketAmounts, int invoiceCount) {
	}

	/**
	 * A page of groups.
	 *
	 * @param groups the groups, plus one when more follow
	 * @param totalCount how many groups there are
	 */
	public record Page(List<Group> groups, int totalCount) {
	}

	/** The groups of invoices of the kind as of {@code asOf} after the cursor, in key and currency order: at most {@code size} plus one. */
	public Mono<Page> page(TenantTransaction tx, InvoiceKind kind, LocalDate asOf, Grouping grouping, @Nullable Cursor after, int size) {
		String sql = SQL.formatted(grouping.keyColumn, grouping.nameAggregate,
				after == null ? "" : "WHERE (group_key, currency) > (:cursorKey, :cursorCurrency)");
		var select = tx.db().sql(sql).bind("asOf", asOf).bind("kind", kind.name()).bind("limit", size + 1);
		if (after != null) {
			select = select.bind("cursorKey", after.key()).bind("cursorCurrency", after.currency());
		}
		return select.map(row -> new Counted(row.get("group_key", String.class) == null ? null : toGroup(row),
				row.get("total_rows", Long.class).intValue()))
			.all()
			.collectList()
			.map(rows -> new Page(rows.stream().map(Counted::group).filter(Objects::nonNull).toList(),
					rows.isEmpty() ? 0 : rows.getFirst().totalRows()));
	}

	private static Group toGroup(Readable row) {
		return new Group(row.get("group_key", String.class), row.get("group_name", String.class), row.get("currency", String.class),
				List.of(row.get("not_due", BigDecimal.class), row.get("days_1_30", BigDecimal.class), row.get("days_31_60", BigDecimal.class),
						row.get("days_61_90", BigDecimal.class), row.get("over_90", BigDecimal.class)),
				row.get("invoice_count", Long.class).intValue());
	}

	private record Counted(@Nullable Group group, int totalRows) {
	}

}
