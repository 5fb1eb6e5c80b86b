package com.performanceos.tenders.contracts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.idempotency.IdempotencyKeys;
import com.performanceos.tenders.TenderError;
import com.performanceos.tenders.TenderErrorCode;
import com.performanceos.tenders.organisations.Siret;

/** {@code amendContract}: its input, its checks and its payload, as bound to the schema. */
final class AmendContract {

	static final String OPERATION = "tenders.amendContract";

	/** Amendments of one contract; the table's check holds the same bound. */
	static final int AMENDMENTS_MAX = 100;

	/** Holders after an amendment: a group of economic operators rarely counts more. */
	static final int HOLDERS_MAX = 10;

	static final int REASON_LENGTH_MAX = 2_000;

	/** Digits of an amount before the decimal point: the column is numeric(16,2). */
	private static final int AMOUNT_INTEGER_DIGITS_MAX = 14;

	private AmendContract() {
	}

	/** The mutation's input: what changes (at least one of amount, duration, holders), when, and why. */
	record Input(String idempotencyKey, String contractId, LocalDate notifiedOn, LocalDate publishedOn, @Nullable BigDecimal amount,
			@Nullable Integer durationMonths, @Nullable List<String> holderSirets, String reason) {

		String fingerprint() {
			return toString();
		}

		List<String> holders() {
			return holderSirets == null ? List.of() : holderSirets;
		}

		/** The checks that need no database; {@code today} is the legal day (Europe/Paris). */
		List<TenderError> validate(LocalDate today) {
			List<TenderError> errors = new ArrayList<>();
			IdempotencyKeys.problem(idempotencyKey).ifPresent(problem -> errors.add(TenderError.invalid("idempotencyKey", problem)));
			if (amount == null && durationMonths == null && holders().isEmpty()) {
				errors.add(TenderError.invalid("amount", "An amendment changes the amount, the duration or the holders"));
			}
			if (amount != null && (amount.signum() <= 0 || amount.scale() > 2 || amount.precision() - amount.scale() > AMOUNT_INTEGER_DIGITS_MAX)) {
				errors.add(TenderError.invalid("amount", "The new amount is positive, in euros and cents, below 10^14"));
			}
			if (durationMonths != null && (durationMonths < 1 || durationMonths > SignContract.DURATION_MONTHS_MAX)) {
				errors.add(TenderError.invalid("durationMonths", "The duration is 1 to " + SignContract.DURATION_MONTHS_MAX + " months"));
			}
			if (holderSirets != null && (holderSirets.isEmpty() || holderSirets.size() > HOLDERS_MAX)) {
				errors.add(TenderError.invalid("holderSirets", "The holders after the amendment are 1 to " + HOLDERS_MAX + " SIRETs"));
			}
			for (String siret : holders()) {
				Siret.problem(siret).ifPresent(problem -> errors.add(TenderError.of(TenderErrorCode.INVALID_SIRET, "holderSirets", problem)));
			}
			if (holders().stream().distinct().count() < holders().size()) {
				errors.add(TenderError.invalid("holderSirets", "A holder is named once"));
			}
			if (reason.isBlank() || reason.length() > REASON_LENGTH_MAX) {
				errors.add(TenderError.invalid("reason", "The reason is 1 to " + REASON_LENGTH_MAX + " characters"));
			}
			if (notifiedOn.isAfter(today)) {
				errors.add(TenderError.invalid("notifiedOn", "An amendment is recorded once notified: the day cannot be in the future"));
			}
			if (publishedOn.isBefore(notifiedOn)) {
				errors.add(TenderError.invalid("publishedOn", "The data are republished on or after the amendment's notification"));
			}
			return errors;
		}

	}

	/** The schema's {@code AmendContractPayload}. */
	record Payload(@Nullable Contract contract, @Nullable Amendment amendment, List<TenderError> userErrors) {

		static Payload amended(Contract contract, UUID amendmentKey) {
			return new Payload(contract, contract.amendments().stream().filter(amendment -> amendment.key().equals(amendmentKey)).findFirst()
				.orElseThrow(() -> new IllegalStateException("The contract read back lacks its amendment")), List.of());
		}

		static Payload failed(List<TenderError> errors) {
			return new Payload(null, null, errors);
		}

		static Payload failed(TenderError error) {
			return failed(List.of(error));
		}

		static Payload conflict() {
			return failed(TenderError.conflict());
		}

	}

}
