package com.performanceos.tenders.opendata;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The open-data export endpoints; authentication comes from the security filter chain. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpenDataProperties.class)
class OpenDataRoutes {

	@Bean
	RouterFunction<ServerResponse> openDataRouter(OpenDataExporter exporter) {
		return RouterFunctions.route()
			.GET("/exports/tenders/decp.json", request -> exporter.export(request, OpenDataExporter.Kind.DECP))
			.GET("/exports/tenders/ocds.json", request -> exporter.export(request, OpenDataExporter.Kind.OCDS))
			.build();
	}

}
