package com.performanceos.scenarios.dunning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.scenarios.planning.ScenarioError;

/** The reminder cadence of one segment: its steps sorted by offset, numbered from 1 in that order. */
record DunningCadence(UUID key, String segment, List<DunningStep> steps, int revision, String updatedBy, Instant updatedAt) {

	static final String TYPE_NAME = "DunningCadence";

	static final int STEPS_MAX = 12;

	static final int SEGMENT_LENGTH_MAX = 100;

	DunningCadence {
		steps = List.copyOf(steps);
	}

	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

	/** What is wrong with a cadence's segment and steps, as user errors on the input's fields. */
	static List<ScenarioError> problems(String segment, List<DunningStep> steps) {
		List<ScenarioError> errors = new ArrayList<>();
		if (segment.isBlank() || segment.length() > SEGMENT_LENGTH_MAX) {
			errors.add(ScenarioError.invalid("segment", "segment must be 1 to " + SEGMENT_LENGTH_MAX + " characters"));
		}
		if (steps.isEmpty() || steps.size() > STEPS_MAX) {
			errors.add(ScenarioError.invalid("steps", "a cadence has 1 to " + STEPS_MAX + " steps"));
		}
		Set<Integer> offsets = new HashSet<>();
		for (DunningStep step : steps) {
			if (step.offsetDays() < DunningStep.OFFSET_MIN || step.offsetDays() > DunningStep.OFFSET_MAX) {
				errors.add(ScenarioError.invalid("steps", "offsetDays must be " + DunningStep.OFFSET_MIN + " to " + DunningStep.OFFSET_MAX));
			}
			else if (!offsets.add(step.offsetDays())) {
				errors.add(ScenarioError.invalid("steps", "two steps have the offset " + step.offsetDays()));
			}
		}
		return errors;
	}

}
