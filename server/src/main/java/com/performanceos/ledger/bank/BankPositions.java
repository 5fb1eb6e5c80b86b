package com.performanceos.ledger.bank;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * The ledger's published read of bank balances and bank history, for the cash forecast and the
 * recurring-flow detection of the scenarios module (ADR 0007: part of the ledger's published API).
 * Reads run in the caller's tenant transaction.
 */
@Component
public final class BankPositions {

	/** Most bank transactions one history read returns (two years of a busy tenant). */
	public static final int MOVEMENTS_MAX = 200_000;

	/** The balance of one bank account at the start of a day, in the account's currency. */
	public record Balance(UUID accountKey, String accountName, BigDecimal amount, String currency) {
	}

	/** One booked bank transaction: positive amount in, negative out. */
	public record Movement(UUID key, LocalDate bookingDate, BigDecimal amount, String currency, String counterparty) {
	}

	/**
	 * Each account opened on or before {@code day}: its opening balance plus the transactions booked from
	 * its opening date up to the day before {@code day} (the cash a forecast starting on {@code day} has).
	 */
	public Mono<List<Balance>> balancesAtStartOf(TenantTransaction tx, LocalDate day) {
		return tx.db().sql("""
				SELECT b.id, b.name, b.currency, b.opening_balance + coalesce(moved.total, 0) AS balance
				FROM ledger_bank_account b LEFT JOIN LATERAL (SELECT sum(t.amount) AS total FROM ledger_bank_transaction t
				  WHERE t.bank_account_id = b.id AND t.booking_date >= b.opening_date AND t.booking_date < :day) moved ON true
				WHERE b.opening_date <= :day ORDER BY b.name, b.id""")
			.bind("day", day)
			.map(row -> new Balance(row.get("id", UUID.class), row.get("name", String.class), row.get("balance", BigDecimal.class),
					row.get("currency", String.class)))
			.all()
			.collectList();
	}

	/** Transactions booked from {@code from} to {@code to} inclusive, oldest first; at most {@link #MOVEMENTS_MAX} (the latest). */
	public Mono<List<Movement>> history(TenantTransaction tx, LocalDate from, LocalDate to) {
		return tx.db().sql("""
				SELECT * FROM (SELECT id, booking_date, amount, currency, counterparty FROM ledger_bank_transaction
				  WHERE booking_date BETWEEN :from AND :to ORDER BY booking_date DESC, id DESC LIMIT :limit) latest
				ORDER BY booking_date, id""")
			.bind("from", from)
			.bind("to", to)
			.bind("limit", MOVEMENTS_MAX)
			.map(row -> new Movement(row.get("id", UUID.class), row.get("booking_date", LocalDate.class),
					row.get("amount", BigDecimal.class), row.get("currency", String.class), row.get("counterparty", String.class)))
			.all()
			.collectList();
	}

}
