package com.performanceos.tenders.watch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Whether a notice meets a saved search, and how well: every criterion the search gives must hold; the score (0-100)
 * is the share of the given criteria's points the notice earns, and the explanation says what counted.
 * <ul>
 * <li>CPV (40 points): the longest of the search's prefixes that starts one of the notice's codes; 20 points for a
 * two-digit division, up to 40 for the exact code.</li>
 * <li>Keywords (40 points): the share of the search's words or phrases found in the title or buyer (accents and case
 * ignored); at least one is needed.</li>
 * <li>Department (10 points) and value range (10 points; a notice without a published value passes with none).</li>
 * </ul>
 */
final class Relevance {

	/**
	 * A match.
	 *
	 * @param score 0 to 100
	 * @param explanation what counted, in English
	 */
	record Match(int score, String explanation) {
	}

	private static final int CPV_POINTS = 40;

	private static final int KEYWORD_POINTS = 40;

	private static final int DEPARTMENT_POINTS = 10;

	private static final int VALUE_POINTS = 10;

	private Relevance() {
	}

	/** The match, or empty; {@code text} is the notice's title and buyer normalised and framed by spaces. */
	static Optional<Match> match(SavedSearch search, Notice notice, String text) {
		int earned = 0;
		int possible = 0;
		List<String> reasons = new ArrayList<>(4);
		if (!search.cpvPrefixes().isEmpty()) {
			String best = null;
			String code = null;
			for (String prefix : search.cpvPrefixes()) {
				for (String candidate : notice.cpvCodes()) {
					if (candidate.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
						best = prefix;
						code = candidate;
					}
				}
			}
			if (best == null) {
				return Optional.empty();
			}
			possible += CPV_POINTS;
			earned += CPV_POINTS / 2 + (best.length() - 2) * (CPV_POINTS / 2) / 6;
			reasons.add("CPV " + code + " under " + best);
		}
		if (!search.keywords().isEmpty()) {
			List<String> found = new ArrayList<>();
			for (String keyword : search.keywords()) {
				if (text.contains(" " + keyword + " ")) {
					found.add(keyword);
				}
			}
			if (found.isEmpty()) {
				return Optional.empty();
			}
			possible += KEYWORD_POINTS;
			earned += KEYWORD_POINTS * found.size() / search.keywords().size();
			reasons.add("keywords " + found.size() + "/" + search.keywords().size() + " (" + String.join(", ", found) + ")");
		}
		if (!search.departments().isEmpty()) {
			String department = notice.departments().stream().filter(search.departments()::contains).findFirst().orElse(null);
			if (department == null) {
				return Optional.empty();
			}
			possible += DEPARTMENT_POINTS;
			earned += DEPARTMENT_POINTS;
			reasons.add("department " + department);
		}
		if (search.valueMin() != null || search.valueMax() != null) {
			possible += VALUE_POINTS;
			@Nullable BigDecimal value = notice.value();
			if (value == null) {
				reasons.add("value not published");
			}
			else if ((search.valueMin() != null && value.compareTo(search.valueMin()) < 0)
					|| (search.valueMax() != null && value.compareTo(search.valueMax()) > 0)) {
				return Optional.empty();
			}
			else {
				earned += VALUE_POINTS;
				reasons.add("value " + value.toPlainString() + " EUR in range");
			}
		}
		return Optional.of(new Match(possible == 0 ? 0 : Math.round(100f * earned / possible), String.join("; ", reasons)));
	}

	/** The text keywords are looked for in: title and buyer, normalised, framed by spaces so phrases match whole words. */
	static String text(Notice notice) {
		return " " + WatchText.normalise(notice.title() + " " + notice.buyerName()) + " ";
	}

}
