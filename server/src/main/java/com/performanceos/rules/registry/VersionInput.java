package com.performanceos.rules.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.performanceos.rules.engine.JsonValues;

/**
 * The schema's {@code RuleVersionInput}: what a new version carries. The definition comes as JSON (every kind) or
 * as CSV (a decision table), never both.
 */
record VersionInput(@Nullable Object definition, @Nullable String definitionCsv, @Nullable List<ExampleInput> examples,
		RuleOrigin origin, @Nullable String aiModel, @Nullable String aiJustification, String changeNote, LocalDate validFrom,
		@Nullable LocalDate validTo) {

	static final int TEXT_LENGTH_MAX = 2_000;

	static final int NAME_LENGTH_MAX = 200;

	/** The schema's {@code RuleExampleInput}. */
	record ExampleInput(String name, @Nullable Object input, @Nullable Object expectedOutput) {

		RuleExample toExample() {
			return new RuleExample(name.strip(), JsonValues.of(input), JsonValues.of(expectedOutput));
		}

	}

	List<RuleExample> exampleList() {
		return examples == null ? List.of() : examples.stream().map(ExampleInput::toExample).toList();
	}

	/** The input's canonical text, part of a mutation's idempotency fingerprint. */
	String fingerprint() {
		Map<String, @Nullable Object> value = new LinkedHashMap<>();
		value.put("definition", JsonValues.of(definition));
		value.put("definitionCsv", definitionCsv);
		value.put("examples", exampleList().stream().map(RuleExample::toValue).toList());
		value.put("origin", origin.name());
		value.put("aiModel", aiModel);
		value.put("aiJustification", aiJustification);
		value.put("changeNote", changeNote);
		value.put("validFrom", validFrom.toString());
		value.put("validTo", validTo == null ? null : validTo.toString());
		return JsonValues.write(value);
	}

	List<RulesError> validate(RulesProperties limits, String... prefix) {
		List<RulesError> errors = new ArrayList<>();
		if ((definition == null) == (definitionCsv == null)) {
			errors.add(RulesError.invalid("Give the definition either as JSON or as CSV", path(prefix, "definition")));
		}
		if (origin == RuleOrigin.AI && (blank(aiModel) || blank(aiJustification))) {
			errors.add(RulesError.invalid("A version proposed by an AI names the model and version and a written justification",
					path(prefix, "aiJustification")));
		}
		if (origin == RuleOrigin.HUMAN && (aiModel != null || aiJustification != null)) {
			errors.add(RulesError.invalid("aiModel and aiJustification are only for origin AI", path(prefix, "aiModel")));
		}
		checkLength(errors, changeNote, "changeNote", prefix);
		checkLength(errors, aiModel, "aiModel", prefix);
		checkLength(errors, aiJustification, "aiJustification", prefix);
		if (validTo != null && validTo.isBefore(validFrom)) {
			errors.add(RulesError.invalid("validTo is before validFrom", path(prefix, "validTo")));
		}
		List<ExampleInput> given = examples == null ? List.of() : examples;
		if (given.size() > limits.examplesMax()) {
			errors.add(new RulesError(RulesErrorCode.LIMIT_EXCEEDED, "At most " + limits.examplesMax() + " examples per version",
					List.of(path(prefix, "examples"))));
		}
		Set<String> names = new HashSet<>();
		for (int index = 0; index < given.size(); index++) {
			String name = given.get(index).name().strip();
			if (name.isEmpty() || name.length() > NAME_LENGTH_MAX || !names.add(name)) {
				errors.add(RulesError.invalid("Example names are unique, 1 to " + NAME_LENGTH_MAX + " characters",
						path(prefix, "examples", String.valueOf(index), "name")));
			}
		}
		return errors;
	}

	private static void checkLength(List<RulesError> errors, @Nullable String text, String field, String... prefix) {
		if (text != null && (text.isBlank() || text.length() > TEXT_LENGTH_MAX)) {
			errors.add(RulesError.invalid(field + " must have 1 to " + TEXT_LENGTH_MAX + " characters", path(prefix, field)));
		}
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	static String[] path(String[] prefix, String... rest) {
		String[] path = new String[prefix.length + rest.length];
		System.arraycopy(prefix, 0, path, 0, prefix.length);
		System.arraycopy(rest, 0, path, prefix.length, rest.length);
		return path;
	}

}
