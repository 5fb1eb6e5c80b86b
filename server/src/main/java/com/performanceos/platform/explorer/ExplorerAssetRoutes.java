package com.performanceos.platform.explorer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /graphiql/assets/**}: the scripts, styles and Monaco workers of the GraphiQL page,
 * bundled from {@code explorer/} at build time into {@code classpath:graphiql/assets/}. Spring
 * GraphQL serves the page itself ({@code classpath:graphiql/index.html}) at {@code /graphiql}.
 * Both are open without a token (SecurityConfiguration): they hold no data, and every query the
 * page sends needs one.
 */
@Configuration(proxyBeanMethods = false)
class ExplorerAssetRoutes {

	static final String ASSETS = "/graphiql/assets/**";

	@Bean
	RouterFunction<ServerResponse> explorerAssetRouter() {
		// The bundle keeps fixed names (the page refers to them), so browsers must revalidate them
		// or a new server version would run under yesterday's script.
		return RouterFunctions.resources(ASSETS, new ClassPathResource("graphiql/assets/"),
				(resource, headers) -> headers.setCacheControl(CacheControl.noCache()));
	}

}
