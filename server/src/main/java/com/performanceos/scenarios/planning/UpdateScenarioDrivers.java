package com.performanceos.scenarios.planning;

import java.util.ArrayList;
import java.util.List;

/** {@code updateScenarioDrivers}: replaces a scenario's own overrides, if nobody changed them since {@code revision}. */
final class UpdateScenarioDrivers {

	private UpdateScenarioDrivers() {
	}

	record Input(String scenarioId, int revision, DriversInput drivers) {

		List<ScenarioError> validate() {
			List<ScenarioError> errors = new ArrayList<>();
			drivers.validate("drivers", errors);
			return errors;
		}

	}

}
