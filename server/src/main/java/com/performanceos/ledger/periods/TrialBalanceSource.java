package com.performanceos.ledger.periods;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * The totals a period close certifies, as this package needs them: a port the journal implements.
 * The journal depends on the periods (it refuses postings into closed months), so the periods
 * reach the journal's lines only through this interface and the two packages form no cycle.
 */
public interface TrialBalanceSource {

	/**
	 * Per account and currency, the totals of the lines effective on or before {@code effectiveTo}
	 * as known at {@code knownAt} (posting time compared at millisecond precision): a trial balance.
	 */
	Mono<List<AccountTotals>> byAccountAndCurrency(TenantTransaction tx, LocalDate effectiveTo, OffsetDateTime knownAt);

	/**
	 * The totals of one account's lines in one currency.
	 *
	 * @param accountKey the account
	 * @param currency the ISO 4217 code of the lines' currency
	 * @param debit the sum of its debit lines
	 * @param credit the sum of its credit lines
	 * @param lines how many lines
	 */
	record AccountTotals(UUID accountKey, String currency, BigDecimal debit, BigDecimal credit, long lines) {
	}

}
