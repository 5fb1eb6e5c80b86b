package com.performanceos.scenarios.sharing;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

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
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.security.Role;
import com.performanceos.scenarios.exports.ExportedVersion;
import com.performanceos.scenarios.exports.ScenarioExporter;

/**
 * {@code GET /exports/shared-scenario-version/forecast.csv} and {@code .../forecast.pdf}: the version behind a share
 * link, with exactly the access of the {@code sharedScenarioVersion} query (the link's role, its tenant, not expired nor
 * revoked; every attempt audited by {@link ShareLinkService#open}). The token travels in the {@value #TOKEN_HEADER}
 * header, not in the address: addresses end up in access logs, browser history and Referer headers.
 */
@Configuration(proxyBeanMethods = false)
class SharedVersionExportRoutes {

	static final String TOKEN_HEADER = "X-Share-Token";

	/** The roles of the schema's {@code sharedScenarioVersion} query. */
	private static final Set<Role> ALLOWED_ROLES = EnumSet.of(Role.AUDITOR, Role.FINANCE, Role.ANALYST, Role.EXTERNAL_VIEWER);

	@Bean
	RouterFunction<ServerResponse> sharedScenarioExportRouter(ShareLinkService sharing, ScenarioExporter exporter) {
		return RouterFunctions.route()
			.GET("/exports/shared-scenario-version/forecast.csv", request -> export(request, ScenarioExporter.Format.CSV, sharing, exporter))
			.GET("/exports/shared-scenario-version/forecast.pdf", request -> export(request, ScenarioExporter.Format.PDF, sharing, exporter))
			.build();
	}

	private static Mono<ServerResponse> export(ServerRequest request, ScenarioExporter.Format format, ShareLinkService sharing,
			ScenarioExporter exporter) {
		return DocumentResponses.asViewer(request, ALLOWED_ROLES, "A shared scenario export", viewer -> {
			ScenarioExporter.Rows rows;
			try {
				QueryParameters.checkAll(request);
				rows = ScenarioExporter.Rows.valueOf(request.queryParam("rows").filter(value -> !value.isEmpty()).orElse("WEEK")
					.toUpperCase(Locale.ROOT));
			}
			catch (QueryParameters.InvalidParameterException ex) {
				return QueryParameters.refuse(request, ex);
			}
			catch (IllegalArgumentException ex) {
				return QueryParameters.refuse(request, "rows", "rows is DAY or WEEK");
			}
			String token = request.headers().firstHeader(TOKEN_HEADER);
			if (token == null || token.isBlank()) {
				return QueryParameters.refuse(request, TOKEN_HEADER, "The share link's token goes in the " + TOKEN_HEADER + " header");
			}
			@Nullable String sourceAddress = request.remoteAddress()
				.map(address -> address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString())
				.orElse(null);
			return sharing.open(viewer, token, sourceAddress)
				.flatMap(shared -> exporter.send(request, viewer, format, rows,
						new ExportedVersion(shared.version(), shared.forecast(), ShareLink.TYPE_NAME, shared.link().id()),
						"scenarios.share.exported"))
				.onErrorResume(GraphQlException.class, refusal -> refused(request, refusal));
		});
	}

	/** The link's refusals as HTTP: an unknown token (or another tenant's) 404, an expired or revoked link or another role 403. */
	private static Mono<ServerResponse> refused(ServerRequest request, GraphQlException refusal) {
		HttpStatus status = refusal.code() == ErrorCode.NOT_FOUND ? HttpStatus.NOT_FOUND
				: refusal.code() == ErrorCode.FORBIDDEN ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST;
		return DocumentResponses.error(request, status, refusal.code().name(), String.valueOf(refusal.getMessage()));
	}

}
