package com.performanceos.rules.sales;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** {@code recordSalesReps}: reps (created or updated by code) and manager links, as bound to the schema. */
final class RecordSalesReps {

	static final int REPS_MAX = 1_000;

	static final int TEXT_MAX = 200;

	private RecordSalesReps() {
	}

	record RepInput(String code, String name, String role, @Nullable String subject) {
	}

	record ManagerInput(String rep, String manager, LocalDate validFrom, @Nullable LocalDate validTo) {
	}

	record Input(List<RepInput> reps, List<ManagerInput> managers) {

		List<SalesError> validate() {
			List<SalesError> errors = new ArrayList<>();
			if (reps.size() > REPS_MAX || managers.size() > REPS_MAX) {
				errors.add(SalesError.invalid("at most " + REPS_MAX + " reps and " + REPS_MAX + " manager links at once", "reps"));
				return errors;
			}
			Set<String> codes = new HashSet<>();
			Set<String> subjects = new HashSet<>();
			for (int index = 0; index < reps.size(); index++) {
				RepInput rep = reps.get(index);
				if (!text(rep.code()) || !codes.add(rep.code().strip())) {
					errors.add(SalesError.invalid("a code of 1 to " + TEXT_MAX + " characters, once per call", "reps", Integer.toString(index), "code"));
				}
				if (!text(rep.name())) {
					errors.add(SalesError.invalid("a name of 1 to " + TEXT_MAX + " characters", "reps", Integer.toString(index), "name"));
				}
				if (!SalesRep.ROLES.contains(rep.role())) {
					errors.add(SalesError.invalid("one of " + new java.util.TreeSet<>(SalesRep.ROLES), "reps", Integer.toString(index), "role"));
				}
				if (rep.subject() != null && (!text(rep.subject()) || !subjects.add(rep.subject().strip()))) {
					errors.add(SalesError.invalid("a subject of 1 to " + TEXT_MAX + " characters, once per call", "reps", Integer.toString(index),
							"subject"));
				}
			}
			for (int index = 0; index < managers.size(); index++) {
				ManagerInput link = managers.get(index);
				if (!text(link.rep()) || !text(link.manager()) || link.rep().strip().equals(link.manager().strip())) {
					errors.add(SalesError.invalid("a rep and a different manager", "managers", Integer.toString(index), "manager"));
				}
				if (link.validTo() != null && link.validTo().isBefore(link.validFrom())) {
					errors.add(SalesError.invalid("validTo is on or after validFrom", "managers", Integer.toString(index), "validTo"));
				}
			}
			return errors;
		}

		private static boolean text(String value) {
			return !value.isBlank() && value.strip().length() <= TEXT_MAX;
		}

	}

	record Payload(List<SalesRep> reps, List<SalesError> userErrors) {

		static Payload failed(List<SalesError> errors) {
			return new Payload(List.of(), errors);
		}

	}

}
