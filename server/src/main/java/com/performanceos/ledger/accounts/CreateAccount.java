package com.performanceos.ledger.accounts;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.idempotency.IdempotencyKeys;

/**
 * {@code createAccount}: its input, error codes and payload, as bound to the schema.
 */
final class CreateAccount {

	static final String OPERATION = "ledger.createAccount";

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9.-]{1,20}");

	private static final int NAME_LENGTH_MAX = 200;

	private CreateAccount() {
	}

	/** The mutation's input. */
	record Input(String idempotencyKey, String code, String name, AccountType type, Currency currency) {

		/** What makes two requests "the same" for idempotency. */
		String fingerprint() {
			return String.join("\u001f", code, name.strip(), type.name(), currency.getCurrencyCode());
		}

		List<Error> validate() {
			List<Error> errors = new ArrayList<>();
			IdempotencyKeys.problem(idempotencyKey).ifPresent(problem -> errors.add(Error.invalid("idempotencyKey", problem)));
			if (!CODE.matcher(code).matches()) {
				errors.add(Error.invalid("code", "code must be 1 to 20 letters, digits, dots or dashes"));
			}
			if (name.isBlank() || name.strip().length() > NAME_LENGTH_MAX) {
				errors.add(Error.invalid("name", "name must have 1 to " + NAME_LENGTH_MAX + " characters"));
			}
			return errors;
		}

	}

	/** The schema's {@code CreateAccountErrorCode}. */
	enum ErrorCode {

		INVALID_INPUT, IDEMPOTENCY_CONFLICT, DUPLICATE_ACCOUNT_CODE

	}

	/** The schema's {@code CreateAccountError}. */
	record Error(ErrorCode code, String message, @Nullable List<String> field) {

		static Error invalid(String inputField, String message) {
			return new Error(ErrorCode.INVALID_INPUT, message, List.of("input", inputField));
		}

	}

	/** The schema's {@code CreateAccountPayload}. */
	record Payload(@Nullable Account account, List<Error> userErrors) {

		static Payload created(Account account) {
			return new Payload(account, List.of());
		}

		static Payload failed(List<Error> errors) {
			return new Payload(null, errors);
		}

		static Payload conflict() {
			return failed(new Error(ErrorCode.IDEMPOTENCY_CONFLICT, IdempotencyKeys.CONFLICT_MESSAGE,
					List.of("input", "idempotencyKey")));
		}

		static Payload failed(Error error) {
			return new Payload(null, List.of(error));
		}

	}

}
