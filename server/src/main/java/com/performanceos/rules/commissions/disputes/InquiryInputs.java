package com.performanceos.rules.commissions.disputes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.idempotency.IdempotencyKeys;

/** The inputs and payload of the inquiry mutations, with their checks before any transaction. */
final class InquiryInputs {

	/** The longest message of a thread, in characters. */
	static final int MESSAGE_MAX = 4_000;

	/** The largest adjustment, in absolute value. */
	static final BigDecimal ADJUSTMENT_MAX = new BigDecimal("1000000000");

	private InquiryInputs() {
	}

	/** {@code openCommissionInquiry}. */
	record Open(String idempotencyKey, String lineId, String message) {

		String fingerprint() {
			return lineId + '\u001f' + message;
		}

		List<InquiryError> validate() {
			List<InquiryError> errors = new ArrayList<>();
			checkKeyAndMessage(idempotencyKey, message, errors);
			return errors;
		}

	}

	/** {@code replyToCommissionInquiry} and {@code rejectCommissionInquiry}: a message on an inquiry. */
	record Message(String idempotencyKey, String inquiryId, String message) {

		String fingerprint() {
			return inquiryId + '\u001f' + message;
		}

		List<InquiryError> validate() {
			List<InquiryError> errors = new ArrayList<>();
			checkKeyAndMessage(idempotencyKey, message, errors);
			return errors;
		}

	}

	/** The adjustment granted by a resolution. */
	record AdjustmentInput(BigDecimal amount, String justification) {
	}

	/** {@code resolveCommissionInquiry}: a closing message, and an adjustment when one is due. */
	record Resolve(String idempotencyKey, String inquiryId, String message, @Nullable AdjustmentInput adjustment) {

		String fingerprint() {
			return inquiryId + '\u001f' + message + '\u001f'
					+ (adjustment == null ? "" : adjustment.amount().stripTrailingZeros().toPlainString() + '\u001f' + adjustment.justification());
		}

		List<InquiryError> validate() {
			List<InquiryError> errors = new ArrayList<>();
			checkKeyAndMessage(idempotencyKey, message, errors);
			if (adjustment != null) {
				BigDecimal amount = adjustment.amount();
				if (amount.signum() == 0 || amount.abs().compareTo(ADJUSTMENT_MAX) > 0 || amount.stripTrailingZeros().scale() > 2) {
					errors.add(InquiryError.invalid("an amount other than zero, at most 1,000,000,000 in absolute value, in cents at most",
							"adjustment", "amount"));
				}
				if (adjustment.justification().isBlank() || adjustment.justification().length() > MESSAGE_MAX) {
					errors.add(InquiryError.invalid("a justification of 1 to " + MESSAGE_MAX + " characters", "adjustment", "justification"));
				}
			}
			return errors;
		}

	}

	/** Every inquiry mutation's payload: the inquiry as it now stands. */
	record Payload(@Nullable CommissionInquiry inquiry, List<InquiryError> userErrors) {

		static Payload failed(List<InquiryError> errors) {
			return new Payload(null, errors);
		}

		static Payload failed(InquiryErrorCode code, String message, String... path) {
			return failed(List.of(InquiryError.at(code, message, path)));
		}

	}

	private static void checkKeyAndMessage(String idempotencyKey, String message, List<InquiryError> errors) {
		IdempotencyKeys.problem(idempotencyKey).ifPresent(problem -> errors.add(InquiryError.invalid(problem, "idempotencyKey")));
		if (message.isBlank() || message.length() > MESSAGE_MAX) {
			errors.add(InquiryError.invalid("a message of 1 to " + MESSAGE_MAX + " characters", "message"));
		}
	}

}
