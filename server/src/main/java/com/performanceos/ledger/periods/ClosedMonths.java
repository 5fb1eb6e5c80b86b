package com.performanceos.ledger.periods;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Which months are closed, as the periods publish it to the journal's write path and to imports'
 * checks: the only reads of {@code ledger_period} outside this package. Both run inside the
 * caller's tenant transaction.
 */
public final class ClosedMonths {

	private ClosedMonths() {
	}

	/**
	 * Which of the given months (first days) are closed. Each month's period lock is taken shared
	 * first and held to the end of the transaction, so a concurrent close waits for this posting
	 * to commit (and its certificate counts it) or this posting sees the month closed.
	 */
	public static Mono<Set<LocalDate>> lockedAmong(DatabaseClient db, Collection<LocalDate> months) {
		LocalDate[] monthArray = months.stream().sorted().toArray(LocalDate[]::new);
		var lock = db.sql("SELECT count(pg_advisory_xact_lock_shared(ledger_period_lock_key(m.month))) AS locked "
				+ "FROM unnest(CAST(:months AS date[])) AS m(month)")
			.bind("months", monthArray)
			.then();
		return lock.then(among(db, months));
	}

	/**
	 * Which of the given months (first days) are closed, without taking their locks: for a check
	 * made ahead of the write (an import's validation pass), which the write repeats under lock.
	 */
	public static Mono<Set<LocalDate>> among(DatabaseClient db, Collection<LocalDate> months) {
		return db.sql("SELECT month FROM ledger_period WHERE status = 'CLOSED' AND month = ANY(:months)")
			.bind("months", months.stream().sorted().toArray(LocalDate[]::new))
			.map(row -> row.get("month", LocalDate.class))
			.all()
			.collect(Collectors.toSet());
	}

}
