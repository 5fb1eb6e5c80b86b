package com.performanceos.tenders.contracts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.idempotency.IdempotencyKeys;
import com.performanceos.tenders.TenderError;

/** {@code signContract}: its input, its checks and its payload, as bound to the schema. */
final class SignContract {

	static final String OPERATION = "tenders.signContract";

	/** Fifty years: longer than any public contract the code allows (concessions aside). */
	static final int DURATION_MONTHS_MAX = 600;

	private SignContract() {
	}

	/** The mutation's input. */
	record Input(String idempotencyKey, String lotId, LocalDate notifiedOn, int durationMonths, PriceForm priceForm) {

		String fingerprint() {
			return toString();
		}

		/** The checks that need no database; {@code today} is the legal day (Europe/Paris). */
		List<TenderError> validate(LocalDate today) {
			List<TenderError> errors = new ArrayList<>();
			IdempotencyKeys.problem(idempotencyKey).ifPresent(problem -> errors.add(TenderError.invalid("idempotencyKey", problem)));
			if (durationMonths < 1 || durationMonths > DURATION_MONTHS_MAX) {
				errors.add(TenderError.invalid("durationMonths", "The duration is 1 to " + DURATION_MONTHS_MAX + " months"));
			}
			if (notifiedOn.isAfter(today)) {
				errors.add(TenderError.invalid("notifiedOn", "A contract is recorded once notified: the day cannot be in the future"));
			}
			return errors;
		}

	}

	/** The schema's {@code SignContractPayload}. */
	record Payload(@Nullable Contract contract, List<TenderError> userErrors) {

		static Payload signed(Contract contract) {
			return new Payload(contract, List.of());
		}

		static Payload failed(List<TenderError> errors) {
			return new Payload(null, errors);
		}

		static Payload failed(TenderError error) {
			return new Payload(null, List.of(error));
		}

		static Payload conflict() {
			return failed(TenderError.conflict());
		}

	}

}
