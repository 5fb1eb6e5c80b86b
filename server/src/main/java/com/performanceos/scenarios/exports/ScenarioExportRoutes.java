package com.performanceos.scenarios.exports;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import com.performanceos.platform.documents.DocumentResponses;
import com.performanceos.platform.documents.QueryParameters;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.security.Role;
import com.performanceos.platform.security.Viewer;
import com.performanceos.scenarios.planning.ScenarioService;

/**
 * {@code GET /exports/scenario-versions/{id}/forecast.csv} and {@code .../forecast.pdf}: a saved version for the roles
 * that read {@code ScenarioVersion} through GraphQL (ADMIN, AUDITOR, FINANCE, ANALYST), in their own tenant only (row
 * level security; another tenant's id is NOT_FOUND, like an unknown one). EXTERNAL_VIEWER has no route here: it
 * downloads through a share link ({@code /exports/shared-scenario-version/...}). {@code ?rows=DAY} gives one CSV row
 * per day instead of per week.
 */
@Configuration(proxyBeanMethods = false)
class ScenarioExportRoutes {

	/** The roles of the schema's {@code ScenarioVersion} type. */
	static final Set<Role> ALLOWED_ROLES = EnumSet.of(Role.ADMIN, Role.AUDITOR, Role.FINANCE, Role.ANALYST);

	static final String VERSION_TYPE = "ScenarioVersion";

	@Bean
	RouterFunction<ServerResponse> scenarioExportRouter(ScenarioService scenarios, ScenarioExporter exporter) {
		return RouterFunctions.route()
			.GET("/exports/scenario-versions/{id}/forecast.csv", request -> export(request, ScenarioExporter.Format.CSV, scenarios, exporter))
			.GET("/exports/scenario-versions/{id}/forecast.pdf", request -> export(request, ScenarioExporter.Format.PDF, scenarios, exporter))
			.build();
	}

	private static Mono<ServerResponse> export(ServerRequest request, ScenarioExporter.Format format, ScenarioService scenarios,
			ScenarioExporter exporter) {
		return DocumentResponses.asViewer(request, ALLOWED_ROLES, "A scenario export", viewer -> {
			ScenarioExporter.Rows rows;
			try {
				QueryParameters.checkAll(request);
				rows = rows(request);
			}
			catch (QueryParameters.InvalidParameterException ex) {
				return QueryParameters.refuse(request, ex);
			}
			catch (IllegalArgumentException ex) {
				return QueryParameters.refuse(request, "rows", "rows is DAY or WEEK");
			}
			Optional<UUID> key = GlobalId.decode(request.pathVariable("id"), VERSION_TYPE);
			if (key.isEmpty()) {
				return ScenarioExporter.notFound(request, "No scenario version with this id");
			}
			return version(viewer, key.get(), scenarios)
				.flatMap(exported -> exporter.send(request, viewer, format, rows, exported, "scenarios.version.exported"))
				.switchIfEmpty(Mono.defer(() -> ScenarioExporter.notFound(request, "No scenario version with this id")));
		});
	}

	/** The CSV's granularity from {@code ?rows=}, WEEK when absent; {@link IllegalArgumentException} for any other value. */
	static ScenarioExporter.Rows rows(ServerRequest request) {
		return ScenarioExporter.Rows.valueOf(request.queryParam("rows").filter(value -> !value.isEmpty()).orElse("WEEK").toUpperCase(Locale.ROOT));
	}

	private static Mono<ExportedVersion> version(Viewer viewer, UUID key, ScenarioService scenarios) {
		return scenarios.loadVersions(viewer, List.of(key))
			.flatMap(found -> Mono.justOrEmpty(found.get(key)))
			.flatMap(version -> scenarios.forecast(viewer, version).map(forecast -> new ExportedVersion(version, forecast, VERSION_TYPE,
					version.id())));
	}

}
