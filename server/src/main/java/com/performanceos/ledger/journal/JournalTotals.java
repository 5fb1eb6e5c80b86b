package com.performanceos.ledger.journal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.periods.TrialBalanceSource;
import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * Aggregates of the journal's lines that other packages of the ledger report on, computed where the
 * lines are owned: one grouped statement, whatever the number of lines. It is the periods'
 * {@link TrialBalanceSource}.
 */
@Component
public final class JournalTotals implements TrialBalanceSource {

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
	 * The totals of each given account's lines effective on or before {@code asOf} as known at
	 * {@code knownAt}; with slice members, only the lines carrying every one of them. Accounts
	 * without such lines are absent.
	 */
	public Mono<Map<UUID, Totals>> byAccount(TenantTransaction tx, Collection<UUID> accountKeys, LocalDate asOf, OffsetDateTime knownAt,
			UUID[] sliceMembers) {
		if (accountKeys.isEmpty()) {
			return Mono.just(Map.of());
		}
		// The primary key holds one value per dimension per line, so a line is in the slice
		// exactly when as many of its values match as the slice has.
		String sliceCondition = sliceMembers.length == 0 ? "" : """

				  AND (SELECT count(*) FROM ledger_journal_line_dimension v WHERE v.entry_id = l.entry_id
				       AND v.line_number = l.line_number AND v.member_id = ANY(:sliceMembers)) = :sliceSize""";
		var select = tx.db().sql("""
				SELECT l.account_id,
				       coalesce(sum(l.amount) FILTER (WHERE l.side = 'DEBIT'), 0) AS debit,
				       coalesce(sum(l.amount) FILTER (WHERE l.side = 'CREDIT'), 0) AS credit,
				       count(*) AS lines
				FROM ledger_journal_line l
				WHERE l.account_id = ANY(:accounts) AND l.effective_date <= :asOf
				  AND date_trunc('milliseconds', l.posted_at) <= :knownAt""" + sliceCondition + """

				GROUP BY l.account_id""")
			.bind("accounts", accountKeys.toArray(UUID[]::new))
			.bind("asOf", asOf)
			.bind("knownAt", knownAt);
		if (sliceMembers.length > 0) {
			select = select.bind("sliceMembers", sliceMembers).bind("sliceSize", (long) sliceMembers.length);
		}
		return select.map(row -> Map.entry(row.get("account_id", UUID.class), new Totals(row.get("debit", BigDecimal.class),
				row.get("credit", BigDecimal.class), row.get("lines", Long.class))))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/**
	 * The totals of one account's lines.
	 *
	 * @param debit the sum of its debit lines
	 * @param credit the sum of its credit lines
	 * @param lines how many lines
	 */
	public record Totals(BigDecimal debit, BigDecimal credit, long lines) {
	}

	@Override
	public Mono<List<AccountTotals>> byAccountAndCurrency(TenantTransaction tx, LocalDate effectiveTo, OffsetDateTime knownAt) {
		return tx.db().sql("""
				SELECT account_id, currency,
				       coalesce(sum(amount) FILTER (WHERE side = 'DEBIT'), 0) AS debit,
				       coalesce(sum(amount) FILTER (WHERE side = 'CREDIT'), 0) AS credit,
				       count(*) AS lines
				FROM ledger_journal_line
				WHERE effective_date <= :effectiveTo AND date_trunc('milliseconds', posted_at) <= :knownAt
				GROUP BY account_id, currency""")
			.bind("effectiveTo", effectiveTo)
			.bind("knownAt", knownAt)
			.map(row -> new AccountTotals(row.get("account_id", UUID.class), row.get("currency", String.class).strip(),
					row.get("debit", BigDecimal.class), row.get("credit", BigDecimal.class), row.get("lines", Long.class)))
			.all()
			.collectList();
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
