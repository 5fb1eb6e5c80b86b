package com.performanceos.rules.sales;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * The sales module's published read port: what commissions, scenarios or any other module may
 * read of deals and quotas, inside their own tenant transaction. Nobody else names the tables.
 */
@Component
public final class SalesData {

	/** The most deals or quotas one read answers; a commission run over more pages through periods. */
	public static final int RECORDS_MAX = 100_000;

	private final SalesStore store;

	SalesData(SalesStore store) {
		this.store = store;
	}

	/** The deals closing within the days (both included), in close date then deal id order; at most {@link #RECORDS_MAX}. */
	public Mono<List<Deal>> dealsClosing(TenantTransaction tx, LocalDate from, LocalDate to) {
		return store.dealsClosing(tx, from, to, RECORDS_MAX);
	}

	/** The quotas of a month ({@code YYYY-MM}) by rep; at most {@link #RECORDS_MAX}. */
	public Mono<List<Quota>> quotas(TenantTransaction tx, String period) {
		if (!Quota.PERIOD.matcher(period).matches()) {
			throw new IllegalArgumentException("Not a period YYYY-MM: " + period);
		}
		return store.quotas(tx, period, RECORDS_MAX);
	}

}
