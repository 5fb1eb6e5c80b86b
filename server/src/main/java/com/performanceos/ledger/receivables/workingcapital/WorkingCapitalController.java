package com.performanceos.ledger.receivables.workingcapital;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;

/**
 * {@code workingCapital}: the six inputs come from one statement (invoices for receivables,
 * payables, credit sales and purchases; journal lines for inventory and cost of sales), then the
 * ratios are computed in exact decimals.
 */
@Controller
class WorkingCapitalController {

	/** Ten years: longer periods say nothing about working capital and scan the whole journal. */
	static final int PERIOD_DAYS_MAX = 3_660;

	private static final String INPUTS_SQL = """
			WITH invoice AS (
			  SELECT i.kind, i.issue_date, i.amount, i.amount - coalesce(p.paid, 0) AS open_amount
			  FROM ledger_invoice i
			  LEFT JOIN (SELECT invoice_id, sum(amount) AS paid FROM ledger_invoice_payment
			             WHERE payment_date <= CAST(:end AS date) GROUP BY invoice_id) p ON p.invoice_id = i.id
			  WHERE i.currency = :currency AND i.issue_date <= CAST(:end AS date)
			), line AS (
			  SELECT l.effective_date, a.code, CASE l.side WHEN 'DEBIT' THEN l.amount ELSE -l.amount END AS signed_amount
			  FROM ledger_journal_line l JOIN ledger_account a ON a.id = l.account_id
			  WHERE l.currency = :currency AND l.effective_date <= CAST(:end AS date)
			)
			SELECT
			  (SELECT coalesce(sum(open_amount), 0) FROM invoice WHERE kind = 'CUSTOMER') AS receivables,
			  (SELECT coalesce(sum(amount), 0) FROM invoice WHERE kind = 'CUSTOMER' AND issue_date >= CAST(:start AS date)) AS credit_sales,
			  (SELECT coalesce(sum(open_amount), 0) FROM invoice WHERE kind = 'SUPPLIER') AS payables,
			  (SELECT coalesce(sum(amount), 0) FROM invoice WHERE kind = 'SUPPLIER' AND issue_date >= CAST(:start AS date)) AS purchases,
			  (SELECT coalesce(sum(signed_amount), 0) FROM line WHERE code LIKE ANY (CAST(:inventory AS text[]))) AS inventory,
			  (SELECT coalesce(sum(signed_amount), 0) FROM line
			   WHERE effective_date >= CAST(:start AS date) AND code LIKE ANY (CAST(:costOfSales AS text[]))) AS cost_of_sales""";

	private final TenantDatabase database;

	private final WorkingCapitalProperties defaults;

	WorkingCapitalController(TenantDatabase database, WorkingCapitalProperties defaults) {
		this.database = database;
		this.defaults = defaults;
	}

	@QueryMapping
	Mono<WorkingCapital> workingCapital(@Argument LocalDate endDate, @Argument int days, @Argument Currency currency,
			@Argument @Nullable List<String> inventoryAccountPrefixes, @Argument @Nullable List<String> costOfSalesAccountPrefixes,
			@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		if (days < 1 || days > PERIOD_DAYS_MAX) {
			return Mono.error(badInput("days must be between 1 and " + PERIOD_DAYS_MAX + ", got " + days));
		}
		List<String> inventory = inventoryAccountPrefixes != null ? inventoryAccountPrefixes : defaults.inventoryAccountPrefixes();
		List<String> costOfSales = costOfSalesAccountPrefixes != null ? costOfSalesAccountPrefixes
				: defaults.costOfSalesAccountPrefixes();
		var problem = AccountPrefixes.problem(inventory).map(reason -> "inventoryAccountPrefixes: " + reason)
			.or(() -> AccountPrefixes.problem(costOfSales).map(reason -> "costOfSalesAccountPrefixes: " + reason));
		if (problem.isPresent()) {
			return Mono.error(badInput(problem.get()));
		}
		LocalDate startDate = endDate.minusDays(days - 1L);
		return database.inTransaction(viewer.tenant(), db -> db.sql(INPUTS_SQL)
			.bind("end", endDate)
			.bind("start", startDate)
			.bind("currency", currency.getCurrencyCode())
			.bind("inventory", AccountPrefixes.likePatterns(inventory))
			.bind("costOfSales", AccountPrefixes.likePatterns(costOfSales))
			.map(row -> new WorkingCapital(startDate, endDate, days, currency,
					WorkingCapitalRatio.of(row.get("receivables", BigDecimal.class), row.get("credit_sales", BigDecimal.class), days,
							currency, "credit sales"),
					WorkingCapitalRatio.of(row.get("payables", BigDecimal.class), row.get("purchases", BigDecimal.class), days,
							currency, "purchases"),
					WorkingCapitalRatio.of(row.get("inventory", BigDecimal.class), row.get("cost_of_sales", BigDecimal.class), days,
							currency, "cost of sales"),
					List.copyOf(inventory), List.copyOf(costOfSales)))
			.one());
	}

	private static GraphQlException badInput(String message) {
		return new GraphQlException(ErrorCode.BAD_USER_INPUT, message);
	}

}
