package com.performanceos.scenarios.exports;

import org.jspecify.annotations.Nullable;

import com.performanceos.scenarios.planning.ForecastView;
import com.performanceos.scenarios.planning.ScenarioVersion;

/**
 * A saved version and its frozen forecast, as a caller was allowed to read them, with what the audit record names:
 * the version itself for a direct download, the share link for one through a link.
 *
 * @param auditTargetType {@code ScenarioVersion} or {@code ScenarioShareLink}
 * @param auditTargetId the global id of that object
 */
public record ExportedVersion(ScenarioVersion version, ForecastView forecast, String auditTargetType, @Nullable String auditTargetId) {
}
