package com.performanceos.tenders.bids;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.idempotency.IdempotencyKeys;
import com.performanceos.tenders.TenderError;
import com.performanceos.tenders.TenderErrorCode;

/** {@code submitBid} (which also replaces) and {@code withdrawBid}: inputs and payload, as bound to the schema. */
final class SubmitBid {

	static final String OPERATION = "tenders.submitBid";

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	private static final int DOCUMENTS_MAX = 50;

	private static final int NAME_LENGTH_MAX = 200;

	private static final BigDecimal AMOUNT_MAX = new BigDecimal("1000000000000");

	private SubmitBid() {
	}

	/** The schema's {@code BidDocumentInput}. */
	record DocumentInput(String name, String sha256) {
	}

	/** The schema's {@code SubmitBidInput}. */
	record Input(String idempotencyKey, String lotId, BigDecimal amount, @Nullable List<DocumentInput> documents) {

		String fingerprint() {
			return toString();
		}

		List<DocumentInput> documentsOrNone() {
			return documents == null ? List.of() : documents;
		}

		List<TenderError> validate() {
			List<TenderError> errors = new ArrayList<>();
			IdempotencyKeys.problem(idempotencyKey).ifPresent(problem -> errors.add(TenderError.invalid("idempotencyKey", problem)));
			if (amount.signum() <= 0 || amount.compareTo(AMOUNT_MAX) >= 0 || amount.stripTrailingZeros().scale() > 2) {
				errors.add(TenderError.invalid("amount", "the amount is positive, below 10^12 EUR, with at most two decimals"));
			}
			List<DocumentInput> given = documentsOrNone();
			if (given.size() > DOCUMENTS_MAX) {
				errors.add(TenderError.invalid("documents", "at most " + DOCUMENTS_MAX + " documents"));
				return errors;
			}
			for (int i = 0; i < given.size(); i++) {
				DocumentInput document = given.get(i);
				if (document.name().isBlank() || document.name().length() > NAME_LENGTH_MAX || !SHA256.matcher(document.sha256()).matches()) {
					errors.add(new TenderError(TenderErrorCode.INVALID_INPUT, "a document has a name of 1 to " + NAME_LENGTH_MAX
							+ " characters and a lower-case hex SHA-256", List.of("input", "documents", String.valueOf(i))));
				}
			}
			return errors;
		}

	}

	/** The schema's {@code WithdrawBidInput}. */
	record WithdrawInput(String bidId) {
	}

	/** The schema's {@code SubmitBidPayload} and {@code WithdrawBidPayload}. */
	record Payload(@Nullable Bid bid, List<TenderError> userErrors) {

		static Payload of(Bid bid) {
			return new Payload(bid, List.of());
		}

		static Payload failed(List<TenderError> errors) {
			return new Payload(null, errors);
		}

		static Payload failed(TenderErrorCode code, String field, String message) {
			return failed(List.of(TenderError.of(code, field, message)));
		}

		static Payload conflict() {
			return failed(List.of(TenderError.conflict()));
		}

	}

}
