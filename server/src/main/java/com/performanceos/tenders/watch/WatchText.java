package com.performanceos.tenders.watch;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text as the watch compares it: accents removed ({@code Élagage} and {@code elagage} are one word), lower case,
 * anything but letters and digits a separator. French notices are written with and without accents alike.
 */
final class WatchText {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

	private WatchText() {
	}

	static String normalise(String text) {
		String stripped = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
		// Ligatures the decomposition keeps: œ (cœur), æ.
		stripped = stripped.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae");
		return SEPARATORS.matcher(stripped.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
	}

	static List<String> words(String text) {
		String normalised = normalise(text);
		return normalised.isEmpty() ? List.of() : Arrays.asList(normalised.split(" "));
	}

}
