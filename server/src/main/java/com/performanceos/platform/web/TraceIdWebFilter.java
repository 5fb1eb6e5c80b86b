package com.performanceos.platform.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request a trace id: the caller's {@code X-Request-Id} when it is a sane token, a
 * random one otherwise. It is echoed in {@code X-Trace-Id}, put in every GraphQL error and in the
 * logging context, so a support request can quote it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class TraceIdWebFilter implements WebFilter {

	public static final String TRACE_ID_ATTRIBUTE = TraceIdWebFilter.class.getName() + ".traceId";

	/** The key of the trace id in the Reactor context and the logging MDC. */
	public static final String TRACE_ID_KEY = "traceId";

	private static final Pattern ACCEPTED_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");

	private static final SecureRandom RANDOM = new SecureRandom();

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String requested = exchange.getRequest().getHeaders().getFirst("X-Request-Id");
		String traceId = requested != null && ACCEPTED_REQUEST_ID.matcher(requested).matches() ? requested : newTraceId();
		exchange.getAttributes().put(TRACE_ID_ATTRIBUTE, traceId);
		exchange.getResponse().getHeaders().set("X-Trace-Id", traceId);
		return chain.filter(exchange).contextWrite(context -> context.put(TRACE_ID_KEY, traceId));
	}

	static String newTraceId() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}


}
