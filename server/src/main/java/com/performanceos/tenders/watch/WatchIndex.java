package com.performanceos.tenders.watch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The saved searches of every tenant, indexed so that a notice is checked only against the searches that could
 * match it. Each search is filed under one necessary criterion: its CPV prefixes when it has some (a notice's code
 * of 8 digits has 7 prefixes to look up), else its departments, else its keywords (looked up by the notice's words).
 * The candidates are then checked in full by {@link Relevance}. The index is rebuilt as a whole on change
 * (copy-on-write): readers never lock, and changes are rare next to notices.
 */
final class WatchIndex {

	/** A search that matched a notice. */
	record Hit(SavedSearch search, Relevance.Match match) {
	}

	private record Snapshot(Map<UUID, SavedSearch> searches, Map<String, List<SavedSearch>> byCpvPrefix,
			Map<String, List<SavedSearch>> byDepartment, Map<String, List<SavedSearch>> byKeywordWord) {

		static Snapshot of(Collection<SavedSearch> all) {
			Map<UUID, SavedSearch> searches = new HashMap<>();
			Map<String, List<SavedSearch>> cpv = new HashMap<>();
			Map<String, List<SavedSearch>> departments = new HashMap<>();
			Map<String, List<SavedSearch>> keywords = new HashMap<>();
			for (SavedSearch search : all) {
				searches.put(search.key(), search);
				if (!search.cpvPrefixes().isEmpty()) {
					search.cpvPrefixes().forEach(prefix -> cpv.computeIfAbsent(prefix, key -> new ArrayList<>()).add(search));
				}
				else if (!search.departments().isEmpty()) {
					search.departments().forEach(department -> departments.computeIfAbsent(department, key -> new ArrayList<>()).add(search));
				}
				else {
					// A phrase is filed under its first word; the full check looks for the whole phrase.
					search.keywords().forEach(keyword -> keywords.computeIfAbsent(keyword.split(" ")[0], key -> new ArrayList<>()).add(search));
				}
			}
			return new Snapshot(searches, cpv, departments, keywords);
		}

	}

	private volatile Snapshot snapshot = Snapshot.of(List.of());

	private final Map<UUID, SavedSearch> all = new ConcurrentHashMap<>();

	synchronized void replaceAll(Collection<SavedSearch> searches) {
		all.clear();
		searches.forEach(search -> all.put(search.key(), search));
		snapshot = Snapshot.of(all.values());
	}

	synchronized void add(SavedSearch search) {
		all.put(search.key(), search);
		snapshot = Snapshot.of(all.values());
	}

	int size() {
		return snapshot.searches().size();
	}

	/** The searches the notice matches, through the index. */
	List<Hit> match(Notice notice) {
		Snapshot current = snapshot;
		Set<SavedSearch> candidates = new LinkedHashSet<>();
		for (String code : notice.cpvCodes()) {
			for (int length = 2; length <= code.length(); length++) {
				candidates.addAll(current.byCpvPrefix().getOrDefault(code.substring(0, length), List.of()));
			}
		}
		notice.departments().forEach(department -> candidates.addAll(current.byDepartment().getOrDefault(department, List.of())));
		String text = Relevance.text(notice);
		if (!current.byKeywordWord().isEmpty()) {
			for (String word : text.strip().split(" ")) {
				candidates.addAll(current.byKeywordWord().getOrDefault(word, List.of()));
			}
		}
		return check(candidates, notice, text);
	}

	/** The same answer by checking every search: the naive baseline the benchmark measures the index against. */
	List<Hit> matchByScan(Notice notice) {
		return check(snapshot.searches().values(), notice, Relevance.text(notice));
	}

	private static List<Hit> check(Collection<SavedSearch> candidates, Notice notice, String text) {
		List<Hit> hits = new ArrayList<>();
		for (SavedSearch search : candidates) {
			Optional<Relevance.Match> match = Relevance.match(search, notice, text);
			match.ifPresent(found -> hits.add(new Hit(search, found)));
		}
		return hits;
	}

}
