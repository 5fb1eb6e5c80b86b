package com.performanceos.ledger.receivables.escalation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.ledger.receivables.invoices.Amounts;
import com.performanceos.ledger.receivables.invoices.InvoiceKind;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.Money;

/**
 * An escalation rule; its thresholds are data. The webhook secret is not part of it: it is read
 * only by the notifier, decrypted, when signing.
 *
 * @param key the primary key
 * @param name a name for people
 * @param kind receivables or payables
 * @param minDaysOverdue days past due at or above which an invoice escalates
 * @param minOpenAmountValue open amount at or above which an invoice escalates
 * @param currency the only currency the rule looks at
 * @param owner the subject receiving the tasks
 * @param webhookUrl where notifications go, or null
 * @param active false once deleted
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
record EscalationRule(UUID key, String name, InvoiceKind kind, int minDaysOverdue, BigDecimal minOpenAmountValue,
		Currency currency, String owner, @Nullable String webhookUrl, boolean active, Instant createdAt, Instant updatedAt) {

	static final String TYPE_NAME = "EscalationRule";

	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

	public Money minOpenAmount() {
		return new Money(Amounts.normalize(minOpenAmountValue), currency);
	}

	java.util.Map<String, Object> image() {
		java.util.Map<String, Object> image = new java.util.LinkedHashMap<>();
		image.put("id", id());
		image.put("name", name);
		image.put("kind", kind.name());
		image.put("minDaysOverdue", minDaysOverdue);
		image.put("minOpenAmount", minOpenAmount().amount().toPlainString());
		image.put("currency", currency.getCurrencyCode());
		image.put("owner", owner);
		image.put("webhookUrl", webhookUrl);
		image.put("active", active);
		return image;
	}

}
