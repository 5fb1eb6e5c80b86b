package com.performanceos.ledger.receivables.escalation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.performanceos.ledger.receivables.invoices.Amounts;
import com.performanceos.ledger.receivables.invoices.InvoiceKind;
import com.performanceos.platform.idempotency.IdempotencyKeys;
import com.performanceos.platform.webhooks.SignedWebhook;

/** The escalation mutations' inputs, as bound to the schema, and the checks that need no database. */
final class EscalationInputs {

	static final int NAME_LENGTH_MAX = 200;

	static final int OWNER_LENGTH_MAX = 200;

	static final int DAYS_OVERDUE_MAX = 3_650;

	private EscalationInputs() {
	}

	/** The schema's {@code CreateEscalationRuleInput}. */
	record CreateRule(String idempotencyKey, String name, InvoiceKind kind, int minDaysOverdue, BigDecimal minOpenAmount,
			Currency currency, String owner, @Nullable String webhookUrl, @Nullable String webhookSecret) {

		/** Only the SHA-256 of this is stored (by the idempotency keys), so the secret never reaches the key table. */
		String fingerprint() {
			return String.join("\u001f", name.strip(), kind.name(), Integer.toString(minDaysOverdue),
					minOpenAmount.stripTrailingZeros().toPlainString(), currency.getCurrencyCode(), owner.strip(),
					webhookUrl == null ? "" : webhookUrl, webhookSecret == null ? "" : webhookSecret);
		}

		List<EscalationError> validate() {
			List<EscalationError> errors = new ArrayList<>();
			IdempotencyKeys.problem(idempotencyKey).ifPresent(problem -> errors.add(EscalationError.invalid("idempotencyKey", problem)));
			validateThresholds(name, minDaysOverdue, minOpenAmount, owner, errors);
			validateWebhook(webhookUrl, webhookSecret, true, errors);
			return errors;
		}

	}

	/** The schema's {@code UpdateEscalationRuleInput}. */
	record UpdateRule(String ruleId, String name, int minDaysOverdue, BigDecimal minOpenAmount, Currency currency,
			String owner, @Nullable String webhookUrl, @Nullable String webhookSecret) {

		List<EscalationError> validate(boolean hasSecret) {
			List<EscalationError> errors = new ArrayList<>();
			validateThresholds(name, minDaysOverdue, minOpenAmount, owner, errors);
			validateWebhook(webhookUrl, webhookSecret, !hasSecret, errors);
			return errors;
		}

	}

	/** The schema's {@code DeleteEscalationRuleInput}. */
	record DeleteRule(String ruleId) {
	}

	/** The schema's {@code RunEscalationsInput}. */
	record Run(@Nullable LocalDate asOf) {
	}

	/** The schema's {@code CompleteEscalationTaskInput}. */
	record CompleteTask(String taskId) {
	}

	private static void validateThresholds(String name, int minDaysOverdue, BigDecimal minOpenAmount, String owner,
			List<EscalationError> errors) {
		if (name.isBlank() || name.strip().length() > NAME_LENGTH_MAX) {
			errors.add(EscalationError.invalid("name", "name must have 1 to " + NAME_LENGTH_MAX + " characters"));
		}
		if (minDaysOverdue < 0 || minDaysOverdue > DAYS_OVERDUE_MAX) {
			errors.add(EscalationError.invalid("minDaysOverdue", "minDaysOverdue must be 0 to " + DAYS_OVERDUE_MAX));
		}
		if (minOpenAmount.signum() < 0 || minOpenAmount.stripTrailingZeros().scale() > Amounts.SCALE_MAX
				|| minOpenAmount.precision() - minOpenAmount.scale() > 30) {
			errors.add(EscalationError.invalid("minOpenAmount",
					"minOpenAmount must be zero or more with at most " + Amounts.SCALE_MAX + " decimals"));
		}
		if (owner.isBlank() || owner.strip().length() > OWNER_LENGTH_MAX) {
			errors.add(EscalationError.invalid("owner", "owner must have 1 to " + OWNER_LENGTH_MAX + " characters"));
		}
	}

	private static void validateWebhook(@Nullable String url, @Nullable String secret, boolean secretRequired,
			List<EscalationError> errors) {
		if (url != null && !isHttpUrl(url)) {
			errors.add(EscalationError.invalid("webhookUrl",
					"webhookUrl must be an absolute http or https URL of at most " + SignedWebhook.URL_LENGTH_MAX + " characters"));
		}
		if (secret != null && !SignedWebhook.isSecret(secret)) {
			errors.add(EscalationError.invalid("webhookSecret",
					"webhookSecret must have " + SignedWebhook.SECRET_LENGTH_MIN + " to " + SignedWebhook.SECRET_LENGTH_MAX + " characters"));
		}
		else if (url != null && secret == null && secretRequired) {
			errors.add(EscalationError.invalid("webhookSecret", "a webhook needs a webhookSecret to sign its notifications"));
		}
		else if (url == null && secret != null) {
			errors.add(EscalationError.invalid("webhookSecret", "webhookSecret is only accepted with a webhookUrl"));
		}
	}

	static boolean isHttpUrl(String value) {
		return SignedWebhook.isReceiverUrl(value);
	}

}
