package com.performanceos.tenders.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.performanceos.tenders.TenderError;
import com.performanceos.tenders.TenderErrorCode;
import com.performanceos.tenders.evaluation.Ranking.RankedOffer;
import com.performanceos.tenders.procurement.Lot;

/** The inputs and payloads of the evaluation and award mutations, as bound to the schema. */
final class EvaluationInputs {

	static final int TEXT_LENGTH_MAX = 2_000;

	private EvaluationInputs() {
	}

	/** Input naming a lot: {@code openBids}, {@code declareNoConflictOfInterest}, {@code awardLot}. */
	record LotInput(String lotId) {
	}

	/** The schema's {@code NotifyAwardInput}. */
	record NotifyInput(String lotId, boolean electronic) {
	}

	/** The schema's {@code ScoreOfferInput}. */
	record ScoreInput(String offerId, int criterionPosition, BigDecimal points, String justification) {

		List<TenderError> validate() {
			List<TenderError> errors = new ArrayList<>();
			if (points.signum() < 0 || points.stripTrailingZeros().scale() > 2) {
				errors.add(TenderError.invalid("points", "points are zero or more, with at most two decimals"));
			}
			text(errors, "justification", justification);
			return errors;
		}

	}

	/** The schema's {@code DecideAbnormallyLowOfferInput}. */
	record DecideInput(String offerId, boolean accept, String reason) {

		List<TenderError> validate() {
			List<TenderError> errors = new ArrayList<>();
			text(errors, "reason", reason);
			return errors;
		}

	}

	/** The schema's {@code RecordAwardeeFailureInput}. */
	record FailureInput(String offerId, String reason) {

		List<TenderError> validate() {
			List<TenderError> errors = new ArrayList<>();
			text(errors, "reason", reason);
			return errors;
		}

	}

	/** The schema's {@code LotEvaluationPayload}: the lot and its offers, ranked. */
	record LotPayload(@Nullable Lot lot, List<RankedOffer> offers, List<TenderError> userErrors) {

		static LotPayload of(Lot lot, List<RankedOffer> offers) {
			return new LotPayload(lot, offers, List.of());
		}

		static LotPayload failed(TenderErrorCode code, String field, String message) {
			return new LotPayload(null, List.of(), List.of(TenderError.of(code, field, message)));
		}

	}

	/** The schema's {@code OfferPayload}. */
	record OfferPayload(@Nullable RankedOffer offer, List<TenderError> userErrors) {

		static OfferPayload of(RankedOffer offer) {
			return new OfferPayload(offer, List.of());
		}

		static OfferPayload failed(List<TenderError> errors) {
			return new OfferPayload(null, errors);
		}

		static OfferPayload failed(TenderErrorCode code, String field, String message) {
			return failed(List.of(TenderError.of(code, field, message)));
		}

	}

	private static void text(List<TenderError> errors, String field, String value) {
		if (value.isBlank() || value.strip().length() > TEXT_LENGTH_MAX) {
			errors.add(TenderError.invalid(field, field + " must have 1 to " + TEXT_LENGTH_MAX + " characters"));
		}
	}

}
