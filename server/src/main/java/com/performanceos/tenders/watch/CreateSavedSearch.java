package com.performanceos.tenders.watch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.idempotency.IdempotencyKeys;
import com.performanceos.platform.validation.EmailAddresses;
import com.performanceos.tenders.TenderError;

/** {@code createSavedSearch}: its input, its checks and its payload, as bound to the schema. */
final class CreateSavedSearch {

	static final String OPERATION = "tenders.createSavedSearch";

	private static final Pattern CPV_PREFIX = Pattern.compile("[0-9]{2,8}");

	private static final Pattern DEPARTMENT = Pattern.compile("0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6]");

	static final int CRITERIA_MAX = 20;

	static final int NAME_LENGTH_MAX = 200;

	static final int KEYWORD_LENGTH_MAX = 100;

	private CreateSavedSearch() {
	}

	/** The mutation's input. */
	record Input(String idempotencyKey, String name, @Nullable List<String> cpvPrefixes, @Nullable List<String> keywords,
			@Nullable List<String> departments, @Nullable BigDecimal valueMin, @Nullable BigDecimal valueMax, @Nullable String digestEmail) {

		String fingerprint() {
			return toString();
		}

		List<String> cpv() {
			return cpvPrefixes == null ? List.of() : cpvPrefixes.stream().map(String::strip).distinct().toList();
		}

		/** The keywords as matched: accents, case and punctuation removed. */
		List<String> normalisedKeywords() {
			return keywords == null ? List.of() : keywords.stream().map(WatchText::normalise).filter(word -> !word.isEmpty()).distinct().toList();
		}

		List<String> departmentCodes() {
			return departments == null ? List.of() : departments.stream().map(String::strip).distinct().toList();
		}

		List<TenderError> validate() {
			List<TenderError> errors = new ArrayList<>();
			IdempotencyKeys.problem(idempotencyKey).ifPresent(problem -> errors.add(TenderError.invalid("idempotencyKey", problem)));
			if (name.isBlank() || name.length() > NAME_LENGTH_MAX) {
				errors.add(TenderError.invalid("name", "The name has 1 to " + NAME_LENGTH_MAX + " characters"));
			}
			if (cpv().size() > CRITERIA_MAX || cpv().stream().anyMatch(prefix -> !CPV_PREFIX.matcher(prefix).matches())) {
				errors.add(TenderError.invalid("cpvPrefixes", "At most " + CRITERIA_MAX + " CPV prefixes of 2 to 8 digits"));
			}
			if (keywords != null && (keywords.size() > CRITERIA_MAX || keywords.stream().anyMatch(word -> word.length() > KEYWORD_LENGTH_MAX
					|| WatchText.normalise(word).isEmpty()))) {
				errors.add(TenderError.invalid("keywords", "At most " + CRITERIA_MAX + " keywords of 1 to " + KEYWORD_LENGTH_MAX
						+ " characters, each with a letter or digit"));
			}
			if (departmentCodes().size() > CRITERIA_MAX || departmentCodes().stream().anyMatch(code -> !DEPARTMENT.matcher(code).matches())) {
				errors.add(TenderError.invalid("departments", "At most " + CRITERIA_MAX + " French departments (01-95, 2A, 2B, 971-976)"));
			}
			if ((valueMin != null && valueMin.signum() < 0) || (valueMax != null && valueMax.signum() < 0)
					|| (valueMin != null && valueMax != null && valueMin.compareTo(valueMax) > 0)) {
				errors.add(TenderError.invalid("valueMin", "The value range is two non-negative amounts, the lowest first"));
			}
			if (digestEmail != null && !EmailAddresses.isPlain(digestEmail)) {
				errors.add(TenderError.invalid("digestEmail", "The digest address is one plain e-mail address of at most "
						+ EmailAddresses.LENGTH_MAX + " characters"));
			}
			if (cpv().isEmpty() && normalisedKeywords().isEmpty() && departmentCodes().isEmpty()) {
				errors.add(TenderError.invalid("cpvPrefixes", "A search needs CPV prefixes, keywords or departments"));
			}
			return errors;
		}

	}

	/** The schema's {@code CreateSavedSearchPayload}. */
	record Payload(@Nullable SavedSearch savedSearch, List<TenderError> userErrors) {

		static Payload created(SavedSearch search) {
			return new Payload(search, List.of());
		}

		static Payload failed(List<TenderError> errors) {
			return new Payload(null, errors);
		}

		static Payload conflict() {
			return failed(List.of(TenderError.conflict()));
		}

	}

}
