package com.performanceos.rules.commissions.runs;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.ai.AiClient;
import com.performanceos.platform.ai.AiModule;
import com.performanceos.platform.ai.AiPrompt;
import com.performanceos.platform.ai.AiResult;
import com.performanceos.platform.ai.PromptPseudonyms;

/**
 * Explanations for reps in plain language: the model rewords the deterministic sentence built from the stored trace,
 * and nothing else. Figures come only from the engine: a rewording that holds a number the sentence does not hold is
 * refused and the sentence returned instead, as it is when AI is off, over budget or the provider does not answer.
 * Reps' codes and names leave the server as the tenant's pseudonyms and are put back in the answer.
 */
@Component
class PlainExplanations {

	/** Longest rewording accepted: a few sentences, not an essay. */
	static final int TEXT_LENGTH_MAX = 2_000;

	/** A written number: digits, possibly grouped and with decimals ("14,500.00", "14 500,00"). */
	private static final Pattern NUMBER = Pattern.compile("\\d(?:[\\d,.\\u00a0\\u202f ]*\\d)?");

	private static final Pattern PSEUDONYM = Pattern.compile("NAME_[0-9a-f]{8}");

	static final String SYSTEM = """
			You rewrite the explanation of a sales commission for the rep who earned it, in plain %s, in at most three short
			sentences, speaking to them as "you". Keep every number exactly as it is written; add no number and compute nothing.
			People appear as pseudonyms such as NAME_1a2b3c4d: keep them as they are. Answer with the text only.""";

	/** The schema's {@code PlainCommissionExplanation}. */
	record Plain(String text, String deterministic, String source, @Nullable String fallbackReason, @Nullable String model) {

		static Plain deterministic(String sentence, String reason) {
			return new Plain(sentence, sentence, "DETERMINISTIC", reason, null);
		}

	}

	/** A person of the tenant the sentence may name: their code and name become pseudonyms before the prompt leaves. */
	record Person(String code, String name) {
	}

	private final AiClient ai;

	private final PromptPseudonyms pseudonyms;

	PlainExplanations(AiClient ai, PromptPseudonyms pseudonyms) {
		this.ai = ai;
		this.pseudonyms = pseudonyms;
	}

	/** The sentence reworded by the model for {@code tenant}, or the sentence itself with the reason. */
	Mono<Plain> reword(String tenant, String sentence, boolean french, List<Person> people) {
		// Longer values first, so that a code inside a name ("ana" in "Ana Lopez") does not break the name's pseudonym.
		List<String[]> replacements = people.stream().flatMap(person -> java.util.stream.Stream.of(person.name(), person.code()))
			.filter(value -> !value.isBlank() && Pattern.compile("\\b" + Pattern.quote(value) + "\\b").matcher(sentence).find()).distinct()
			.sorted(Comparator.comparingInt(String::length).reversed())
			.map(value -> new String[] { value, pseudonyms.pseudonymise(tenant, value, List.of(value)) }).toList();
		String outgoing = sentence;
		for (String[] replacement : replacements) {
			outgoing = outgoing.replaceAll("\\b" + Pattern.quote(replacement[0]) + "\\b", Matcher.quoteReplacement(replacement[1]));
		}
		AiPrompt prompt = new AiPrompt(SYSTEM.formatted(french ? "French" : "English"), pseudonyms.pseudonymise(tenant, outgoing, List.of()));
		return ai.ask(tenant, AiModule.RULES, prompt).map(result -> switch (result) {
			case AiResult.Answered answered -> checked(sentence, restore(answered.answer().text().strip(), replacements), answered.answer().model());
			case AiResult.Unavailable unavailable -> Plain.deterministic(sentence, unavailable.reason());
			case AiResult.Disabled disabled -> Plain.deterministic(sentence, disabled.reason());
			case AiResult.Blocked blocked -> Plain.deterministic(sentence, blocked.reason());
		});
	}

	private static String restore(String text, List<String[]> replacements) {
		String restored = text;
		for (String[] replacement : replacements) {
			restored = restored.replace(replacement[1], replacement[0]);
		}
		return restored;
	}

	/** The rewording when it holds only the sentence's figures (and no pseudonym it could not have been given); else the sentence. */
	static Plain checked(String sentence, String rewording, String model) {
		if (rewording.isBlank() || rewording.length() > TEXT_LENGTH_MAX) {
			return Plain.deterministic(sentence, "The model's rewording was empty or longer than " + TEXT_LENGTH_MAX + " characters");
		}
		if (PSEUDONYM.matcher(rewording).find()) {
			return Plain.deterministic(sentence, "The model's rewording named someone the explanation does not");
		}
		Set<String> allowed = figures(sentence);
		Set<String> written = figures(rewording);
		written.removeAll(allowed);
		if (!written.isEmpty()) {
			return Plain.deterministic(sentence, "The model's rewording changed a figure (" + String.join(", ", written)
					+ " is not in the calculation's explanation); figures come only from the engine");
		}
		return new Plain(rewording, sentence, "REWORDED", null, model);
	}

	/** The numbers of a text as their digits alone, so that "14,500.00" and "14 500,00" are the same figure. */
	static Set<String> figures(String text) {
		Set<String> figures = new TreeSet<>();
		Matcher matcher = NUMBER.matcher(text);
		while (matcher.find()) {
			String digits = matcher.group().replaceAll("\\D", "");
			figures.add(digits.replaceFirst("^0+(?=\\d)", ""));
		}
		return figures;
	}

}
