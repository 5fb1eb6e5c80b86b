package com.performanceos.ledger.journal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * Aggregates of the journal's lines that other packages of the ledger report on, computed where the
 * lines are owned: one grouped statement, whatever the number of lines.
 */
@Component
public final class JournalTotals {

	/**
	 * The signed net (debits positive) of each account's lines in one currency, up to {@code end}
	 * and within {@code start..end}, for the accounts that have any; both days included.
	 */
	public Mono<Map<UUID, Net>> netByAccount(TenantTransaction tx, Currency currency, LocalDate start, LocalDate end) {
		return tx.db().sql("""
				SELECT account_id,
				       sum(CASE side WHEN 'DEBIT' THEN amount ELSE -amount END) AS to_end,
				       coalesce(sum(CASE side WHEN 'DEBIT' THEN amount ELSE -amount END)
				                FILTER (WHERE effective_date >= CAST(:start AS date)), 0) AS within
				FROM ledger_journal_line
				WHERE currency = :currency AND effective_date <= CAST(:end AS date)
				GROUP BY account_id""")
			.bind("currency", currency.getCurrencyCode())
			.bind("start", start)
			.bind("end", end)
			.map(row -> Map.entry(row.get("account_id", UUID.class), new Net(row.get("to_end", BigDecimal.class),
					row.get("within", BigDecimal.class))))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/**
	 * One account's net.
	 *
	 * @param toEnd the net of its lines up to the end day
	 * @param withinPeriod the net of its lines within the period
	 */
	public record Net(BigDecimal toEnd, BigDecimal withinPeriod) {
	}

}
