package com.performanceos.ledger.receivables.workingcapital;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.accounts.AccountDirectory;
import com.performanceos.ledger.journal.JournalTotals;
import com.performanceos.ledger.receivables.invoices.InvoiceDirectory;
import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;

/**
 * {@code workingCapital}: the six inputs come from their owners in one transaction (the invoices'
 * totals for receivables, payables, credit sales and purchases; the journal's net per account,
 * filtered by account code, for inventory and cost of sales), then the ratios are computed in
 * exact decimals.
 */
@Controller
class WorkingCapitalController {

	/** Ten years: longer periods say nothing about working capital and scan the whole journal. */
	static final int PERIOD_DAYS_MAX = 3_660;

	private final TenantDatabase database;

	private final WorkingCapitalProperties defaults;

	private final InvoiceDirectory invoices;

	private final JournalTotals journal;

	private final AccountDirectory accounts;

	WorkingCapitalController(TenantDatabase database, WorkingCapitalProperties defaults, InvoiceDirectory invoices, JournalTotals journal,
			AccountDirectory accounts) {
		this.database = database;
		this.defaults = defaults;
		this.invoices = invoices;
		this.journal = journal;
		this.accounts = accounts;
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
		// Invoices from their owner, line totals from the journal, account codes from the accounts' owner.
		return database.run(viewer.tenant(), tx -> invoices.totals(tx, currency, startDate, endDate)
			.zipWith(journal.netByAccount(tx, currency, startDate, endDate)
				.flatMap(nets -> accounts.loadWithin(tx, nets.keySet()).map(found -> {
					BigDecimal stock = BigDecimal.ZERO;
					BigDecimal costs = BigDecimal.ZERO;
					for (Map.Entry<UUID, JournalTotals.Net> net : nets.entrySet()) {
						String code = found.get(net.getKey()).code();
						if (AccountPrefixes.matches(inventory, code)) {
							stock = stock.add(net.getValue().toEnd());
						}
						if (AccountPrefixes.matches(costOfSales, code)) {
							costs = costs.add(net.getValue().withinPeriod());
						}
					}
					return new Inventory(stock, costs);
				})))
			.map(loaded -> new WorkingCapital(startDate, endDate, days, currency,
					WorkingCapitalRatio.of(loaded.getT1().receivables(), loaded.getT1().creditSales(), days, currency, "credit sales"),
					WorkingCapitalRatio.of(loaded.getT1().payables(), loaded.getT1().purchases(), days, currency, "purchases"),
					WorkingCapitalRatio.of(loaded.getT2().stock(), loaded.getT2().costOfSales(), days, currency, "cost of sales"),
					List.copyOf(inventory), List.copyOf(costOfSales))));
	}

	private static GraphQlException badInput(String message) {
		return new GraphQlException(ErrorCode.BAD_USER_INPUT, message);
	}

	/** The inventory at the end of the period and the cost of sales within it, from the journal. */
	private record Inventory(BigDecimal stock, BigDecimal costOfSales) {
	}

}
