package com.performanceos.ledger.receivables.invoices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.idempotency.IdempotencyKeys;

/** The invoice mutations' inputs, as bound to the schema, and the checks that need no database. */
final class InvoiceInputs {

	static final int NUMBER_LENGTH_MAX = 50;

	static final int COUNTERPARTY_CODE_LENGTH_MAX = 50;

	static final int NAME_LENGTH_MAX = 200;

	static final int REGION_LENGTH_MAX = 100;

	private InvoiceInputs() {
	}

	/** The schema's {@code CreateInvoiceInput}. */
	record CreateInput(String idempotencyKey, InvoiceKind kind, String number, String counterpartyCode,
			String counterpartyName, String region, LocalDate issueDate, LocalDate dueDate, BigDecimal amount,
			Currency currency) {

		String fingerprint() {
			return String.join("\u001f", kind.name(), number.strip(), counterpartyCode.strip(), counterpartyName.strip(),
					region.strip(), issueDate.toString(), dueDate.toString(), amount.stripTrailingZeros().toPlainString(),
					currency.getCurrencyCode());
		}

		List<InvoiceError> validate() {
			List<InvoiceError> errors = new ArrayList<>();
			checkKey(idempotencyKey, errors);
			errors.addAll(checkInvoice(number, counterpartyCode, counterpartyName, region, issueDate, dueDate, amount));
			return errors;
		}

	}

	/** The schema's {@code RecordPaymentInput}. */
	record PaymentInput(String idempotencyKey, String invoiceId, LocalDate paymentDate, BigDecimal amount,
			Currency currency) {

		String fingerprint() {
			return String.join("\u001f", invoiceId, paymentDate.toString(), amount.stripTrailingZeros().toPlainString(),
					currency.getCurrencyCode());
		}

		List<InvoiceError> validate() {
			List<InvoiceError> errors = new ArrayList<>();
			checkKey(idempotencyKey, errors);
			checkAmount(amount, errors);
			return errors;
		}

	}

	/** The checks of an invoice's content, shared by {@code createInvoice} and invoice imports. */
	static List<InvoiceError> checkInvoice(String number, String counterpartyCode, String counterpartyName, String region,
			LocalDate issueDate, LocalDate dueDate, BigDecimal amount) {
		List<InvoiceError> errors = new ArrayList<>();
		checkText("number", number, NUMBER_LENGTH_MAX, errors);
		checkText("counterpartyCode", counterpartyCode, COUNTERPARTY_CODE_LENGTH_MAX, errors);
		checkText("counterpartyName", counterpartyName, NAME_LENGTH_MAX, errors);
		checkText("region", region, REGION_LENGTH_MAX, errors);
		if (dueDate.isBefore(issueDate)) {
			errors.add(InvoiceError.invalid("dueDate", "dueDate must be on or after issueDate"));
		}
		checkAmount(amount, errors);
		return errors;
	}

	private static void checkKey(String key, List<InvoiceError> errors) {
		IdempotencyKeys.problem(key).ifPresent(problem -> errors.add(InvoiceError.invalid("idempotencyKey", problem)));
	}

	private static void checkText(String field, @Nullable String value, int lengthMax, List<InvoiceError> errors) {
		if (value == null || value.isBlank() || value.strip().length() > lengthMax) {
			errors.add(InvoiceError.invalid(field, field + " must have 1 to " + lengthMax + " characters"));
		}
	}

	private static void checkAmount(BigDecimal amount, List<InvoiceError> errors) {
		if (amount.signum() <= 0) {
			errors.add(InvoiceError.invalid("amount", "amount must be strictly positive"));
		}
		else if (amount.stripTrailingZeros().scale() > Amounts.SCALE_MAX) {
			errors.add(InvoiceError.invalid("amount", "amount has more than " + Amounts.SCALE_MAX + " decimals"));
		}
		else if (amount.precision() - amount.scale() > 30) {
			errors.add(InvoiceError.invalid("amount", "amount is too large"));
		}
	}

}
