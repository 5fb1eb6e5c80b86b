package com.performanceos.rules.commissions.runs;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.security.Role;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.rules.sales.SalesData;

/**
 * Whose commissions a caller may read. SALES_OPS, FINANCE, AUDITOR and ADMIN read everyone's; a REP only their own
 * (the rep whose subject is the token's); a MANAGER their own and their team's as the hierarchy stood on the last day
 * of the period (as known now). Every read of lines, totals, statements and explanations goes through this scope, so
 * a field, a cursor or {@code node(id)} cannot reach another rep's figures.
 */
@Component
class CommissionAccess {

	private static final Set<Role> SEE_ALL = EnumSet.of(Role.ADMIN, Role.AUDITOR, Role.FINANCE, Role.SALES_OPS);

	private final SalesData sales;

	CommissionAccess(SalesData sales) {
		this.sales = sales;
	}

	/**
	 * The reps the viewer may read in the period.
	 * @param reps their codes; null means every rep
	 */
	record Scope(@Nullable Set<String> reps) {

		static final Scope ALL = new Scope(null);

		static final Scope NONE = new Scope(Set.of());

		boolean allows(String rep) {
			return reps == null || reps.contains(rep);
		}

		/** The codes to filter a query on, or null for no filter. */
		@Nullable List<String> filter() {
			return reps == null ? null : new ArrayList<>(reps);
		}

	}

	Mono<Scope> scope(TenantTransaction tx, Viewer viewer, YearMonth period) {
		if (viewer.hasAnyRole(SEE_ALL)) {
			return Mono.just(Scope.ALL);
		}
		boolean manager = viewer.roles().contains(Role.MANAGER);
		if (!manager && !viewer.roles().contains(Role.REP)) {
			return Mono.just(Scope.NONE);
		}
		return sales.repOfSubject(tx, viewer.subject()).flatMap(rep -> {
			if (!manager) {
				return Mono.just(new Scope(Set.of(rep.code())));
			}
			return sales.hierarchy(tx, java.time.Instant.now()).map(hierarchy -> {
				Set<String> team = new java.util.TreeSet<>(hierarchy.teamOf(rep.code(), period.atEndOfMonth()));
				team.add(rep.code());
				return new Scope(Set.copyOf(team));
			});
		}).defaultIfEmpty(Scope.NONE);
	}

}
