package com.performanceos.ledger.receivables.escalation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.ledger.receivables.invoices.Amounts;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.Money;

/**
 * A task an escalation rule created for one invoice. It only moves from OPEN to DONE.
 *
 * @param key the primary key
 * @param sequence its creation order, the list's keyset
 * @param ruleKey the rule that created it
 * @param invoiceKey the invoice it is about
 * @param owner the subject who should act
 * @param status open or done
 * @param asOf the run date that created it
 * @param daysOverdue days past due on that date
 * @param openAmountValue the open amount on that date
 * @param currency the invoice's currency
 * @param createdAt when it was created
 * @param completedAt when it was completed
 * @param completedBy who completed it
 */
record EscalationTask(UUID key, long sequence, UUID ruleKey, UUID invoiceKey, String owner, Status status, LocalDate asOf,
		int daysOverdue, BigDecimal openAmountValue, Currency currency, Instant createdAt, @Nullable Instant completedAt,
		@Nullable String completedBy) {

	static final String TYPE_NAME = "EscalationTask";

	/** The schema's {@code EscalationTaskStatus}. */
	enum Status {

		OPEN, DONE

	}

	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

	public Money openAmount() {
		return new Money(Amounts.normalize(openAmountValue), currency);
	}

	boolean isDone() {
		return status == Status.DONE;
	}

}
