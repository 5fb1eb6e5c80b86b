package com.performanceos.tenders.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.idempotency.IdempotencyKeys;
import com.performanceos.tenders.TenderError;
import com.performanceos.tenders.TenderErrorCode;

/** {@code createTender}: its input, its checks and its payload, as bound to the schema. */
final class CreateTender {

	static final String OPERATION = "tenders.createTender";

	private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._/-]{1,40}");

	/** French departments: metropolitan 01-95 with Corsica's 2A and 2B, overseas 971-976. */
	private static final Pattern DEPARTMENT = Pattern.compile("0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6]");

	private static final Pattern CPV_FORM = Pattern.compile("[0-9]{8}-[0-9]");

	static final int TITLE_LENGTH_MAX = 200;

	private static final int DESCRIPTION_LENGTH_MAX = 10_000;

	private static final int CPV_CODES_MAX = 20;

	private static final int LOTS_MAX = 50;

	private static final int CRITERIA_MAX = 10;

	private static final int SELECTION_CRITERIA_MAX = 20;

	private static final int SELECTION_CRITERION_LENGTH_MAX = 500;

	/** A trillion euros: above any public contract, below the column's precision. */
	private static final BigDecimal VALUE_MAX = new BigDecimal("1000000000000");

	static final int ABNORMALLY_LOW_PERCENT_DEFAULT = 80;

	private CreateTender() {
	}

	/** An award criterion of a new lot. */
	record CriterionInput(String name, CriterionKind kind, int weight) {
	}

	/** A lot of a new tender. */
	record LotInput(String title, BigDecimal estimatedValue, PriceScoringMethod priceScoringMethod,
			@Nullable Integer abnormallyLowPercent, @Nullable List<String> selectionCriteria, List<CriterionInput> awardCriteria) {

		int abnormallyLowPercentOrDefault() {
			return abnormallyLowPercent == null ? ABNORMALLY_LOW_PERCENT_DEFAULT : abnormallyLowPercent;
		}

		List<String> selectionCriteriaOrNone() {
			return selectionCriteria == null ? List.of() : selectionCriteria.stream().map(String::strip).toList();
		}

	}

	/** The mutation's input. */
	record Input(String idempotencyKey, String reference, String title, String description, TenderNature nature,
			TenderProcedure procedure, List<String> cpvCodes, String department, boolean electronicSubmission, @Nullable Boolean urgency,
			@Nullable Boolean priorInformationNotice, OffsetDateTime submissionDeadline, List<LotInput> lots) {

		/** What makes two requests "the same" for idempotency: every field, in the record's own rendering. */
		String fingerprint() {
			return toString();
		}

		BigDecimal estimatedValue() {
			return lots.stream().map(LotInput::estimatedValue).reduce(BigDecimal.ZERO, BigDecimal::add);
		}

		List<TenderError> validate(CpvCatalog catalog, Instant now) {
			List<TenderError> errors = new ArrayList<>();
			IdempotencyKeys.problem(idempotencyKey).ifPresent(problem -> errors.add(TenderError.invalid("idempotencyKey", problem)));
			if (!REFERENCE.matcher(reference).matches()) {
				errors.add(TenderError.invalid("reference", "reference must be 1 to 40 letters, digits, dots, dashes, slashes or underscores"));
			}
			text(errors, "title", title, TITLE_LENGTH_MAX, false);
			text(errors, "description", description, DESCRIPTION_LENGTH_MAX, true);
			cpv(errors, catalog);
			if (!DEPARTMENT.matcher(department).matches()) {
				errors.add(TenderError.invalid("department", "department must be a French department code (01-95, 2A, 2B, 971-976)"));
			}
			if (!submissionDeadline.toInstant().isAfter(now)) {
				errors.add(TenderError.invalid("submissionDeadline", "the submission deadline must be in the future"));
			}
			if (lots.isEmpty() || lots.size() > LOTS_MAX) {
				errors.add(TenderError.invalid("lots", "a tender has 1 to " + LOTS_MAX + " lots"));
				return errors;
			}
			for (int i = 0; i < lots.size(); i++) {
				lot(errors, i, lots.get(i));
			}
			return errors;
		}

		private void cpv(List<TenderError> errors, CpvCatalog catalog) {
			if (cpvCodes.isEmpty() || cpvCodes.size() > CPV_CODES_MAX || cpvCodes.stream().distinct().count() != cpvCodes.size()) {
				errors.add(TenderError.invalid("cpvCodes", "a tender has 1 to " + CPV_CODES_MAX + " distinct CPV codes"));
				return;
			}
			for (int i = 0; i < cpvCodes.size(); i++) {
				String code = cpvCodes.get(i);
				if (!CPV_FORM.matcher(code).matches() || catalog.find(code).isEmpty()) {
					errors.add(new TenderError(TenderErrorCode.UNKNOWN_CPV_CODE, "not a CPV 2008 code (NNNNNNNN-N, as listed): " + code,
							List.of("input", "cpvCodes", String.valueOf(i))));
				}
			}
		}

		private static void lot(List<TenderError> errors, int index, LotInput lot) {
			List<String> path = List.of("input", "lots", String.valueOf(index));
			if (lot.title().isBlank() || lot.title().strip().length() > TITLE_LENGTH_MAX) {
				errors.add(at(path, "title", "a lot title has 1 to " + TITLE_LENGTH_MAX + " characters"));
			}
			BigDecimal value = lot.estimatedValue();
			if (value.signum() <= 0 || value.compareTo(VALUE_MAX) >= 0 || value.stripTrailingZeros().scale() > 2) {
				errors.add(at(path, "estimatedValue", "the estimated value is positive, below 10^12 EUR, with at most two decimals"));
			}
			int percent = lot.abnormallyLowPercentOrDefault();
			if (percent < 1 || percent > 99) {
				errors.add(at(path, "abnormallyLowPercent", "the abnormally-low percentage is 1 to 99"));
			}
			List<String> selection = lot.selectionCriteriaOrNone();
			if (selection.size() > SELECTION_CRITERIA_MAX
					|| selection.stream().anyMatch(text -> text.isEmpty() || text.length() > SELECTION_CRITERION_LENGTH_MAX)) {
				errors.add(at(path, "selectionCriteria", "at most " + SELECTION_CRITERIA_MAX + " selection criteria of 1 to "
						+ SELECTION_CRITERION_LENGTH_MAX + " characters"));
			}
			criteria(errors, path, lot.awardCriteria());
		}

		private static void criteria(List<TenderError> errors, List<String> path, List<CriterionInput> criteria) {
			if (criteria.isEmpty() || criteria.size() > CRITERIA_MAX
					|| criteria.stream().anyMatch(c -> c.name().isBlank() || c.name().strip().length() > TITLE_LENGTH_MAX)) {
				errors.add(at(path, "awardCriteria", "a lot has 1 to " + CRITERIA_MAX + " award criteria named with 1 to "
						+ TITLE_LENGTH_MAX + " characters"));
				return;
			}
			long prices = criteria.stream().filter(c -> c.kind() == CriterionKind.PRICE).count();
			boolean weightsInRange = criteria.stream().allMatch(c -> c.weight() >= 1 && c.weight() <= 100);
			int sum = criteria.stream().mapToInt(CriterionInput::weight).sum();
			if (prices != 1 || !weightsInRange || sum != 100) {
				List<String> field = new ArrayList<>(path);
				field.add("awardCriteria");
				errors.add(new TenderError(TenderErrorCode.INVALID_CRITERIA_WEIGHTS, "a lot has exactly one price criterion and weights of 1 "
						+ "to 100 summing to 100 (found " + prices + " price criteria, sum " + sum + ")", List.copyOf(field)));
			}
		}

		private static void text(List<TenderError> errors, String field, String value, int lengthMax, boolean blankAllowed) {
			if ((!blankAllowed && value.isBlank()) || value.strip().length() > lengthMax) {
				errors.add(TenderError.invalid(field, field + " must have " + (blankAllowed ? 0 : 1) + " to " + lengthMax + " characters"));
			}
		}

		private static TenderError at(List<String> path, String field, String message) {
			List<String> full = new ArrayList<>(path);
			full.add(field);
			return new TenderError(TenderErrorCode.INVALID_INPUT, message, List.copyOf(full));
		}

	}

	/** The schema's {@code CreateTenderPayload}. */
	record Payload(@Nullable Tender tender, List<TenderError> userErrors) {

		static Payload created(Tender tender) {
			return new Payload(tender, List.of());
		}

		static Payload failed(List<TenderError> errors) {
			return new Payload(null, errors);
		}

		static Payload conflict() {
			return failed(List.of(TenderError.conflict()));
		}

	}

}
