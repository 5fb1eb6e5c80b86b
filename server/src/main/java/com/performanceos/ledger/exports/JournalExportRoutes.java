package com.performanceos.ledger.exports;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The journal export endpoints; authentication comes from the security filter chain. */
@Configuration(proxyBeanMethods = false)
class JournalExportRoutes {

	@Bean
	RouterFunction<ServerResponse> journalExportRouter(JournalExporter exporter) {
		return RouterFunctions.route()
			.GET("/exports/journal-entries.csv", request -> exporter.export(request, "csv"))
			.GET("/exports/journal-entries.json", request -> exporter.export(request, "json"))
			.build();
	}

}
