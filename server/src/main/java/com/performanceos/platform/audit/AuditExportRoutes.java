package com.performanceos.platform.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /exports/audit-log.csv} and {@code GET /exports/audit-log.json}, each with optional
 * {@code from} and {@code to} (RFC 3339, half-open range). Authenticated by the bearer token like
 * every other route; the tenant is the token's.
 */
@Configuration(proxyBeanMethods = false)
class AuditExportRoutes {

	@Bean
	RouterFunction<ServerResponse> auditExportRouter(AuditExporter exporter) {
		return RouterFunctions.route()
			.GET("/exports/audit-log.csv", request -> exporter.export(request, AuditExportFormat.CSV))
			.GET("/exports/audit-log.json", request -> exporter.export(request, AuditExportFormat.JSON))
			.build();
	}

}
