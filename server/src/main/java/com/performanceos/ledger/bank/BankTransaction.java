package com.performanceos.ledger.bank;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.Money;

/**
 * A stored bank transaction.
 *
 * @param key the primary key
 * @param ingestSeq arrival order, the tie-breaker of listings
 * @param bankAccountKey the bank account it moved
 * @param externalId the aggregator's id
 * @param bookingDate the booking date
 * @param valueDate the value date
 * @param signedAmount positive in, negative out
 * @param currency the currency (the bank account's)
 * @param counterparty the other party
 * @param label the label, personal data redacted
 * @param status matched or not
 * @param ruleKey the rule that mapped it, if any
 * @param accountKey the pivot account it was mapped to, if any
 * @param journalEntryKey the entry that posted it, if any
 * @param receivedAt when it arrived
 */
record BankTransaction(UUID key, long ingestSeq, UUID bankAccountKey, String externalId, LocalDate bookingDate, LocalDate valueDate,
		BigDecimal signedAmount, Currency currency, String counterparty, String label, BankTransactionStatus status,
		@Nullable UUID ruleKey, @Nullable UUID accountKey, @Nullable UUID journalEntryKey, Instant receivedAt) {

	static final String TYPE_NAME = "BankTransaction";

	static final String COLUMNS = "id, ingest_seq, bank_account_id, external_id, booking_date, value_date, amount, currency, "
			+ "counterparty, label, status, rule_id, ledger_account_id, journal_entry_id, received_at";

	/** The schema's {@code BankTransactionStatus}. */
	enum BankTransactionStatus {

		UNMATCHED, CATEGORIZED

	}

	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

	/** The schema's {@code amount}: signed. */
	public Money amount() {
		return new Money(signedAmount, currency);
	}

	/** The schema's {@code journalEntryId}: a global id the {@code node} query resolves. */
	public @Nullable String journalEntryId() {
		return journalEntryKey == null ? null : GlobalId.encode("JournalEntry", journalEntryKey);
	}

	static BankTransaction from(Readable row) {
		return new BankTransaction(row.get("id", UUID.class), row.get("ingest_seq", Long.class), row.get("bank_account_id", UUID.class),
				row.get("external_id", String.class), row.get("booking_date", LocalDate.class), row.get("value_date", LocalDate.class),
				row.get("amount", BigDecimal.class), Currency.getInstance(row.get("currency", String.class)),
				row.get("counterparty", String.class), row.get("label", String.class),
				BankTransactionStatus.valueOf(row.get("status", String.class)), row.get("rule_id", UUID.class),
				row.get("ledger_account_id", UUID.class), row.get("journal_entry_id", UUID.class),
				row.get("received_at", OffsetDateTime.class).toInstant());
	}

}
