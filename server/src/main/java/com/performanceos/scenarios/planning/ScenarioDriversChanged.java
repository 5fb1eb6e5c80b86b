package com.performanceos.scenarios.planning;

import com.performanceos.platform.events.EventType;

/**
 * A scenario's own drivers changed ({@code updateScenarioDrivers}): its forecast and its children's
 * are recalculated for live subscribers ({@code scenarioRecalculated}).
 *
 * @param scenarioId the scenario's global id
 * @param revision its revision since the change
 * @param changedBy who changed them (the token's subject)
 */
@EventType("scenarios.ScenarioDriversChanged")
public record ScenarioDriversChanged(String scenarioId, int revision, String changedBy) {
}
