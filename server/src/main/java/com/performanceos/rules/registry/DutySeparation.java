package com.performanceos.rules.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Which duties on one version a single person may not combine: the schema's {@code RuleDutySeparation}. The author
 * never approves their own version (that pair is always in force, whatever a tenant sets); a tenant, or the
 * deployment's default ({@code performanceos.rules.incompatible-duties}), may add approver ≠ publisher and
 * author ≠ publisher.
 *
 * @param pairs the incompatible pairs, each in canonical order, the mandatory one included
 * @param tenantSetting whether the tenant set them (else the deployment's default applies)
 * @param updatedBy who set them last, for a tenant setting
 * @param updatedAt when
 */
record DutySeparation(List<Pair> pairs, boolean tenantSetting, @Nullable String updatedBy, @Nullable Instant updatedAt) {

	/** A duty a person takes on a version. */
	enum Duty {
		/** Wrote it. */
		AUTHOR,
		/** Approved it (or sent it back: the same reviewing duty). */
		APPROVER,
		/** Published it. */
		PUBLISHER
	}

	/** Two duties one person may not both hold on the same version, in canonical (enum) order. */
	record Pair(Duty first, Duty second) {

		Pair {
			if (first == second) {
				throw new IllegalArgumentException("a duty is not incompatible with itself: " + first);
			}
			if (first.compareTo(second) > 0) {
				Duty swap = first;
				first = second;
				second = swap;
			}
		}

		/** {@code APPROVER:PUBLISHER}, as stored and as the deployment setting writes it. */
		String text() {
			return first + ":" + second;
		}

		static Pair parse(String text) {
			String[] parts = text.strip().toUpperCase(Locale.ROOT).split("[:\\-/]");
			if (parts.length != 2) {
				throw new IllegalArgumentException("a duty pair is FIRST:SECOND (AUTHOR, APPROVER, PUBLISHER), got '" + text + "'");
			}
			return new Pair(Duty.valueOf(parts[0].strip()), Duty.valueOf(parts[1].strip()));
		}

	}

	/** The pair no setting can remove: the preparer is never the validator. */
	static final Pair AUTHOR_APPROVER = new Pair(Duty.AUTHOR, Duty.APPROVER);

	DutySeparation {
		Set<Pair> unique = new LinkedHashSet<>();
		unique.add(AUTHOR_APPROVER);
		unique.addAll(pairs);
		List<Pair> sorted = new ArrayList<>(unique);
		sorted.sort((a, b) -> a.first() != b.first() ? a.first().compareTo(b.first()) : a.second().compareTo(b.second()));
		pairs = List.copyOf(sorted);
	}

	static DutySeparation of(List<Pair> pairs, boolean tenantSetting, @Nullable String updatedBy, @Nullable Instant updatedAt) {
		return new DutySeparation(pairs, tenantSetting, updatedBy, updatedAt);
	}

	/** The stored form: {@code AUTHOR:APPROVER,APPROVER:PUBLISHER}. */
	String text() {
		return String.join(",", pairs.stream().map(Pair::text).toList());
	}

	static List<Pair> parse(String text) {
		List<Pair> parsed = new ArrayList<>();
		for (String pair : text.split(",")) {
			if (!pair.isBlank()) {
				parsed.add(Pair.parse(pair));
			}
		}
		return parsed;
	}

	/** The duties {@code actor} already holds on {@code version}. */
	static Set<Duty> held(RuleVersion version, String actor) {
		Set<Duty> held = EnumSet.noneOf(Duty.class);
		if (version.author().equals(actor)) {
			held.add(Duty.AUTHOR);
		}
		if (actor.equals(version.approvedBy())) {
			held.add(Duty.APPROVER);
		}
		if (actor.equals(version.publishedBy())) {
			held.add(Duty.PUBLISHER);
		}
		return held;
	}

	/**
	 * The pair that forbids {@code actor} to take {@code taken} on {@code version}, or null when none does.
	 */
	@Nullable Pair conflict(RuleVersion version, String actor, Duty taken) {
		Set<Duty> held = held(version, actor);
		for (Pair pair : pairs) {
			Duty other = pair.first() == taken ? pair.second() : pair.second() == taken ? pair.first() : null;
			if (other != null && held.contains(other)) {
				return pair;
			}
		}
		return null;
	}

}
