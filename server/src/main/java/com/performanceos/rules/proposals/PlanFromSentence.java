package com.performanceos.rules.proposals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.ai.AiPrompt;
import com.performanceos.rules.engine.JsonValues;
import com.performanceos.rules.registry.RuleDrafts;
import com.performanceos.rules.registry.RuleKind;

/**
 * "Plan from a sentence": the prompt that asks for a plan as a decision table (or a CEL expression) with examples,
 * and the validation of the answer. The answer must be a JSON object of the shape the prompt gives, its definition
 * must check as a save would, and it must carry examples that the definition passes; otherwise the proposal fails
 * with the reason and nothing reaches the registry.
 */
final class PlanFromSentence {

	/** Examples a plan must come with: the payouts a person can check at a glance. */
	static final int EXAMPLES_MIN = 1;

	static final String SYSTEM = """
			You turn one sentence describing a sales commission plan into a JSON object, and nothing else:
			{"kind": "DECISION_TABLE" or "EXPRESSION",
			 "definition": a decision table {"name", "hitPolicy": "FIRST", "inputs": [{"name", "expression", "type": "STRING"|"NUMBER"|"BOOLEAN"}],
			   "outputs": [{"name": "payout", "type": "NUMBER"}], "rules": [{"inputEntries": [...], "outputEntries": [...]}]}
			   with cells in ZEN's unary-test language ("-" for any, "> 100", "\\"FR\\""), outputs as ZEN expressions over the inputs;
			   or an expression {"expression": CEL, "variables": {"name": "INT"|"MONEY"|"STRING"|"BOOL"}, "resultType": ...},
			 "examples": [{"name", "input": {...}, "expectedOutput": ...}] (at least one, computed by hand from the sentence),
			 "justification": one or two sentences saying how the plan follows from the sentence}.
			Inputs may include role, country, product, arr (annual recurring revenue) and attainment (percent of quota).
			Names of people, emails and bank details appear as pseudonyms such as EMAIL_1a2b3c4d: keep them as they are.
			""";

	private PlanFromSentence() {
	}

	static AiPrompt prompt(String pseudonymisedSentence) {
		return new AiPrompt(SYSTEM, "Sentence: " + pseudonymisedSentence);
	}

	/** A validated plan, or why the answer was refused. */
	sealed interface Validated {
	}

	record Valid(RuleKind kind, Object definition, List<RuleDrafts.Example> examples, String justification, String payloadText)
			implements Validated {
	}

	record Invalid(String reason) implements Validated {
	}

	/** Validates the model's answer text. */
	static Validated validate(String answer, RuleDrafts drafts) {
		Object parsed;
		try {
			parsed = JsonValues.parse(answer);
		}
		catch (RuntimeException ex) {
			return new Invalid("The model's answer is not valid JSON: " + firstLine(ex.getMessage()));
		}
		if (!(parsed instanceof Map<?, ?> object)) {
			return new Invalid("The model's answer is not a JSON object");
		}
		return validate(object.get("kind"), object.get("definition"), object.get("examples"), object.get("justification"), drafts);
	}

	/** Validates a plan's parts (the model's, or a person's edit of them). */
	static Validated validate(@Nullable Object kindName, @Nullable Object definition, @Nullable Object exampleValues,
			@Nullable Object justificationValue, RuleDrafts drafts) {
		RuleKind kind;
		if (!(kindName instanceof String name) || !(name.equals("DECISION_TABLE") || name.equals("EXPRESSION"))) {
			return new Invalid("The plan's kind must be DECISION_TABLE or EXPRESSION, got " + kindName);
		}
		kind = RuleKind.valueOf(name);
		if (definition == null) {
			return new Invalid("The plan has no definition");
		}
		if (!(justificationValue instanceof String justification) || justification.isBlank() || justification.length() > 2_000) {
			return new Invalid("The plan needs a justification of 1 to 2000 characters");
		}
		if (!(exampleValues instanceof List<?> list) || list.size() < EXAMPLES_MIN) {
			return new Invalid("The plan needs at least " + EXAMPLES_MIN + " example with its expected payout");
		}
		List<RuleDrafts.Example> examples = new ArrayList<>();
		for (int index = 0; index < list.size(); index++) {
			if (!(list.get(index) instanceof Map<?, ?> example) || !(example.get("name") instanceof String exampleName)
					|| exampleName.isBlank() || !example.containsKey("expectedOutput")) {
				return new Invalid("Example " + (index + 1) + " needs a name, an input and an expectedOutput");
			}
			examples.add(new RuleDrafts.Example(exampleName.strip(), example.get("input"), example.get("expectedOutput")));
		}
		RuleDrafts.Check check = drafts.check(kind, definition, examples);
		if (!check.valid()) {
			return new Invalid("The proposed plan does not check: " + String.join("; ", check.problems()));
		}
		Map<String, @Nullable Object> payload = new LinkedHashMap<>();
		payload.put("kind", kind.name());
		payload.put("definition", JsonValues.of(definition));
		payload.put("examples", check.examples().stream().map(result -> {
			RuleDrafts.Example example = examples.stream().filter(each -> each.name().equals(result.name())).findFirst().orElseThrow();
			Map<String, @Nullable Object> value = new LinkedHashMap<>();
			value.put("name", result.name());
			value.put("input", JsonValues.of(example.input()));
			value.put("expectedOutput", JsonValues.of(example.expectedOutput()));
			value.put("actualOutput", result.actualJson() == null ? null : JsonValues.parse(result.actualJson()));
			value.put("passed", result.passed());
			return value;
		}).toList());
		payload.put("text", check.text());
		return new Valid(kind, definition, examples, justification.strip(), JsonValues.write(payload));
	}

	static LocalDate firstOfMonth(LocalDate day) {
		return day.withDayOfMonth(1);
	}

	private static String firstLine(@Nullable String message) {
		String text = message == null ? "unreadable" : message;
		int newline = text.indexOf('\n');
		return newline < 0 ? text : text.substring(0, newline);
	}

}
