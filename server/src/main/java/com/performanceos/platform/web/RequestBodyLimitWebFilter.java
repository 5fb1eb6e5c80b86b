package com.performanceos.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a request whose declared body exceeds {@code performanceos.limits.max-request-body-size}
 * with 413 before reading it. Bodies without a declared length are bounded by the codec limit
 * ({@code spring.http.codecs.max-in-memory-size}, the same value) and answered 413 by
 * {@link GraphQlHttpErrorHandler}. Routes that stream their body to disk under their own limit declare a
 * {@link BodyLimitExemption}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
final class RequestBodyLimitWebFilter implements WebFilter {

	private final long maxBytes;

	private final List<BodyLimitExemption> exemptions;

	RequestBodyLimitWebFilter(@Value("${performanceos.limits.max-request-body-size}") DataSize maxRequestBodySize,
			List<BodyLimitExemption> exemptions) {
		this.maxBytes = maxRequestBodySize.toBytes();
		this.exemptions = List.copyOf(exemptions);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long declared = exchange.getRequest().getHeaders().getContentLength();
		if (declared <= maxBytes || exemptions.stream().anyMatch(exemption -> exemption.appliesTo(exchange.getRequest()))) {
			return chain.filter(exchange);
		}
		var response = exchange.getResponse();
		response.setStatusCode(HttpStatus.CONTENT_TOO_LARGE);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		byte[] body = GraphQlErrorBody.json("PAYLOAD_TOO_LARGE",
				"The request body of " + declared + " bytes exceeds the limit of " + maxBytes + " bytes",
				GraphQlErrorBody.traceId(exchange))
			.getBytes(StandardCharsets.UTF_8);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

}
