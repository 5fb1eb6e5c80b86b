package com.performanceos.bench.baseline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * The floor of the viewer benchmark: a WebFlux endpoint on the same Boot version and JVM that
 * answers a JSON body of the same shape as {@code viewer}, with no GraphQL, security or database.
 */
@SpringBootApplication
public class BaselineApplication {

	private static final String BODY = "{\"data\":{\"viewer\":{\"tenant\":\"demo\",\"roles\":[\"ADMIN\"]}}}";

	public static void main(String[] args) {
		SpringApplication.run(BaselineApplication.class, args);
	}

	@Bean
	RouterFunction<ServerResponse> viewer() {
		return route().POST("/graphql", request -> request.bodyToMono(String.class)
			.then(ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(BODY))).build();
	}

}
