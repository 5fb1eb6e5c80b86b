package com.performanceos.ledger.bank;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.idempotency.IdempotencyKeys;
import com.performanceos.platform.privacy.Iban;

/** {@code createBankAccount}: its input and payload, as bound to the schema, and the checks that need no database. */
final class CreateBankAccount {

	static final String OPERATION = "ledger.createBankAccount";

	static final int NAME_LENGTH_MAX = 200;

	static final int EXTERNAL_ID_LENGTH_MAX = 100;

	static final int AMOUNT_SCALE_MAX = 6;

	private static final Pattern ENTITY = Pattern.compile("[A-Za-z0-9._-]{1,50}");

	private CreateBankAccount() {
	}

	/** The mutation's input. */
	record Input(String idempotencyKey, String name, String bankName, String entity, Currency currency, String iban,
			String ledgerAccountId, BigDecimal openingBalance, LocalDate openingDate, @Nullable String externalId) {

		/**
		 * What makes two requests "the same" for idempotency. The IBAN enters only through its
		 * pseudonym, so the idempotency table never holds it in clear either.
		 */
		String fingerprint(String ibanPseudonym) {
			return String.join("\u001f", name.strip(), bankName.strip(), entity, currency.getCurrencyCode(), ibanPseudonym,
					ledgerAccountId, openingBalance.stripTrailingZeros().toPlainString(), openingDate.toString(),
					externalId == null ? "" : externalId);
		}

		List<BankError> validate() {
			List<BankError> errors = new ArrayList<>();
			IdempotencyKeys.problem(idempotencyKey).ifPresent(problem -> errors.add(BankError.invalid("idempotencyKey", problem)));
			checkName(errors, "name", name);
			checkName(errors, "bankName", bankName);
			if (!ENTITY.matcher(entity).matches()) {
				errors.add(BankError.invalid("entity", "entity must be 1 to 50 letters, digits, dots, dashes or underscores"));
			}
			if (parsedIban() == null) {
				errors.add(BankError.of(BankError.Code.INVALID_IBAN, "iban", "Not a valid IBAN (shape or mod-97 check)"));
			}
			if (GlobalId.decode(ledgerAccountId, "Account").isEmpty()) {
				errors.add(BankError.of(BankError.Code.UNKNOWN_ACCOUNT, "ledgerAccountId", "Not an account id: " + ledgerAccountId));
			}
			if (openingBalance.stripTrailingZeros().scale() > AMOUNT_SCALE_MAX) {
				errors.add(BankError.invalid("openingBalance", "openingBalance has more than " + AMOUNT_SCALE_MAX + " decimals"));
			}
			if (externalId != null && (externalId.isBlank() || externalId.length() > EXTERNAL_ID_LENGTH_MAX)) {
				errors.add(BankError.invalid("externalId", "externalId must have 1 to " + EXTERNAL_ID_LENGTH_MAX + " characters"));
			}
			return errors;
		}

		@Nullable Iban parsedIban() {
			return Iban.parse(iban).orElse(null);
		}

		private static void checkName(List<BankError> errors, String field, String value) {
			if (value.isBlank() || value.strip().length() > NAME_LENGTH_MAX) {
				errors.add(BankError.invalid(field, field + " must have 1 to " + NAME_LENGTH_MAX + " characters"));
			}
		}

	}

	/** The schema's {@code CreateBankAccountPayload}. */
	record Payload(@Nullable BankAccount bankAccount, List<BankError> userErrors) {

		static Payload created(BankAccount account) {
			return new Payload(account, List.of());
		}

		static Payload failed(List<BankError> errors) {
			return new Payload(null, errors);
		}

		static Payload failed(BankError error) {
			return new Payload(null, List.of(error));
		}

	}

}
