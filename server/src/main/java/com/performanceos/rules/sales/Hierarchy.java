package com.performanceos.rules.sales;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Who manages whom, effective-dated: the links in force on a day. Loaded once per calculation and answered in memory.
 */
public final class Hierarchy {

	/** The most levels walked up or down, so that a cycle in the data cannot loop. */
	public static final int DEPTH_MAX = 10;

	/**
	 * A rep managed by a manager from a day to a day (both included; open-ended without an end).
	 *
	 * @param rep the rep's code
	 * @param manager the manager's code
	 * @param validFrom first day
	 * @param validTo last day, or null
	 */
	public record Link(String rep, String manager, LocalDate validFrom, @Nullable LocalDate validTo) {

		boolean holds(LocalDate day) {
			return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
		}

	}

	private final Map<String, List<Link>> byRep;

	Hierarchy(List<Link> links) {
		Map<String, List<Link>> grouped = new java.util.HashMap<>();
		for (Link link : links) {
			grouped.computeIfAbsent(link.rep(), key -> new ArrayList<>()).add(link);
		}
		this.byRep = grouped;
	}

	/** The rep's managers on the day, nearest first (the latest-starting link when several hold). */
	public List<String> managersOf(String rep, LocalDate day) {
		List<String> managers = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>(List.of(rep));
		String current = rep;
		for (int level = 0; level < DEPTH_MAX; level++) {
			String manager = managerOf(current, day);
			if (manager == null || !seen.add(manager)) {
				break;
			}
			managers.add(manager);
			current = manager;
		}
		return managers;
	}

	/** Everyone the manager manages on the day, directly or not. */
	public Set<String> teamOf(String manager, LocalDate day) {
		Set<String> team = new LinkedHashSet<>();
		for (String rep : byRep.keySet()) {
			if (managersOf(rep, day).contains(manager)) {
				team.add(rep);
			}
		}
		return team;
	}

	private @Nullable String managerOf(String rep, LocalDate day) {
		Link found = null;
		for (Link link : byRep.getOrDefault(rep, List.of())) {
			if (link.holds(day) && (found == null || link.validFrom().isAfter(found.validFrom()))) {
				found = link;
			}
		}
		return found == null ? null : found.manager();
	}

}
