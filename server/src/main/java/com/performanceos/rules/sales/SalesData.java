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

	private final TeamStore team;

	SalesData(SalesStore store, TeamStore team) {
		this.store = store;
		this.team = team;
	}

	/**
	 * The deals closing within the days (both included) as known at the instant, with the credit split then in force,
	 * without those cancelled on or before {@code to} as known then; in close date then reference order, at most {@code max}.
	 */
	public Mono<List<DealCredits>> creditedDeals(TenantTransaction tx, LocalDate from, LocalDate to, java.time.Instant knownAt, int max) {
		return team.creditedDeals(tx, from, to, knownAt, max);
	}

	/** Deals closed before {@code from} and cancelled within the days, as known at the instant; at most {@code max}. */
	public Mono<List<DealCredits.Cancellation>> cancellations(TenantTransaction tx, LocalDate from, LocalDate to, java.time.Instant knownAt,
			int max) {
		return team.cancellations(tx, from, to, knownAt, max);
	}

	/** Every rep of the tenant, by code; at most {@link #RECORDS_MAX}. */
	public Mono<List<SalesRep>> reps(TenantTransaction tx) {
		return team.reps(tx, RECORDS_MAX);
	}

	/** The rep a token subject signs in as; empty when none. */
	public Mono<SalesRep> repOfSubject(TenantTransaction tx, String subject) {
		return team.repOfSubject(tx, subject);
	}

	/** The hierarchy as known at the instant. */
	public Mono<Hierarchy> hierarchy(TenantTransaction tx, java.time.Instant knownAt) {
		return team.hierarchy(tx, knownAt, RECORDS_MAX);
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
