package com.performanceos.scenarios.exports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import com.performanceos.platform.documents.DocumentResponses;
import com.performanceos.platform.documents.QueryParameters;
import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.scenarios.planning.ForecastView;
import com.performanceos.scenarios.planning.ScenarioComparison;
import com.performanceos.scenarios.planning.ScenarioService;

/**
 * {@code GET /exports/scenario-comparison.csv} and {@code .pdf}: what {@code compareScenarios} answers, for the same
 * roles (those of {@link ScenarioExportRoutes#ALLOWED_ROLES}) in their own tenant only. The forecasts are the repeated
 * {@code item} parameter, 2 to {@value ScenarioComparison#SERIES_MAX} global ids of scenarios or saved versions in the
 * order compared (the first is the base of the deltas); {@code asOf}, {@code horizonDays} and {@code granularity}
 * ({@code WEEK} or {@code DAY}) are the input's. A malformed parameter is a typed 400 naming it; an id that is not the
 * tenant's is a 404, like an unknown one.
 */
@Configuration(proxyBeanMethods = false)
class ComparisonExportRoutes {

	static final String ITEM = "item";

	static final String SCENARIO_TYPE = "Scenario";

	@Bean
	RouterFunction<ServerResponse> scenarioComparisonExportRouter(ScenarioService scenarios, ScenarioExporter exporter) {
		return RouterFunctions.route()
			.GET("/exports/scenario-comparison.csv", request -> export(request, ScenarioExporter.Format.CSV, scenarios, exporter))
			.GET("/exports/scenario-comparison.pdf", request -> export(request, ScenarioExporter.Format.PDF, scenarios, exporter))
			.build();
	}

	private record Parameters(List<ScenarioComparison.Item> items, @Nullable LocalDate asOf, @Nullable Integer horizonDays,
			ForecastView.Granularity granularity) {
	}

	private static Mono<ServerResponse> export(ServerRequest request, ScenarioExporter.Format format, ScenarioService scenarios,
			ScenarioExporter exporter) {
		return DocumentResponses.asViewer(request, ScenarioExportRoutes.ALLOWED_ROLES, "A scenario comparison export", viewer -> {
			Parameters parameters;
			try {
				QueryParameters.checkAll(request);
				parameters = parameters(request);
			}
			catch (QueryParameters.InvalidParameterException ex) {
				return QueryParameters.refuse(request, ex);
			}
			catch (InvalidParameter ex) {
				return QueryParameters.refuse(request, ex.field, String.valueOf(ex.getMessage()));
			}
			return scenarios.compare(viewer, parameters.items(), parameters.asOf(), parameters.horizonDays(), parameters.granularity())
				.flatMap(comparison -> exporter.sendComparison(request, viewer, format, comparison))
				.onErrorResume(GraphQlException.class, refused -> refusal(request, refused));
		});
	}

	/** The comparison's own refusals, typed as the GraphQL field's are. */
	private static Mono<ServerResponse> refusal(ServerRequest request, GraphQlException refused) {
		String message = String.valueOf(refused.getMessage());
		if (refused.code() == ErrorCode.NOT_FOUND) {
			return ScenarioExporter.notFound(request, "No scenario or scenario version with one of these ids");
		}
		if (refused.code() == ErrorCode.BAD_USER_INPUT) {
			return QueryParameters.refuse(request, message.startsWith("horizonDays") ? "horizonDays" : ITEM, message);
		}
		if (refused.code() == ErrorCode.MISSING_EXCHANGE_RATE) {
			return DocumentResponses.error(request, HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.MISSING_EXCHANGE_RATE.name(), message);
		}
		return Mono.error(refused);
	}

	/** A parameter of this route that is wrong; answered as the platform's typed 400 naming it. */
	private static final class InvalidParameter extends RuntimeException {

		private final String field;

		InvalidParameter(String field, String message) {
			super(message, null, false, false);
			this.field = field;
		}

	}

	/** Reads the parameters, refusing the first one that is wrong. */
	private static Parameters parameters(ServerRequest request) {
		List<String> ids = request.queryParams().getOrDefault(ITEM, List.of());
		if (ids.size() < 2 || ids.size() > ScenarioComparison.SERIES_MAX) {
			throw invalid(ITEM, "give 2 to " + ScenarioComparison.SERIES_MAX + " item parameters (scenario or version ids)");
		}
		List<ScenarioComparison.Item> items = new ArrayList<>();
		for (String id : ids) {
			Optional<GlobalId> decoded = GlobalId.decode(id);
			String type = decoded.map(GlobalId::type).orElse("");
			switch (type) {
				case SCENARIO_TYPE -> items.add(new ScenarioComparison.Item(id, null));
				case ScenarioExportRoutes.VERSION_TYPE -> items.add(new ScenarioComparison.Item(null, id));
				default -> throw invalid(ITEM, "each item is the id of a scenario or of a scenario version");
			}
		}
		Integer horizonDays = request.queryParam("horizonDays").filter(value -> !value.isEmpty()).map(value -> {
			if (!value.matches("\\d{1,3}")) {
				throw invalid("horizonDays", "horizonDays is a number of days, 1 to 366");
			}
			return Integer.valueOf(value);
		}).orElse(null);
		String granularity = request.queryParam("granularity").filter(value -> !value.isEmpty()).orElse("WEEK").toUpperCase(Locale.ROOT);
		if (!granularity.equals("WEEK") && !granularity.equals("DAY")) {
			throw invalid("granularity", "granularity is WEEK or DAY");
		}
		return new Parameters(items, QueryParameters.date(request, "asOf").orElse(null), horizonDays,
				ForecastView.Granularity.valueOf(granularity));
	}

	private static InvalidParameter invalid(String field, String message) {
		return new InvalidParameter(field, message);
	}

}
