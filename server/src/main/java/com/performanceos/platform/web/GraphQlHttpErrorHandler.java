package com.performanceos.platform.web;

import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Turns failures that escape GraphQL on {@code /graphql} (unreadable JSON, a missing query, an
 * unsupported media type, a body over the limit) into a GraphQL-shaped 4xx answer. Anything
 * unexpected becomes a 500 whose body names only the trace id; the stack trace goes to the log.
 */
@Component
@Order(-2)
final class GraphQlHttpErrorHandler implements WebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(GraphQlHttpErrorHandler.class);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (!exchange.getRequest().getPath().value().startsWith("/graphql") || exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		HttpStatusCode status;
		String code;
		String message;
		Throwable cause = ex;
		while (cause.getCause() != null && !(cause instanceof DataBufferLimitException)) {
			cause = cause.getCause();
		}
		if (cause instanceof DataBufferLimitException) {
			status = HttpStatus.CONTENT_TOO_LARGE;
			code = "PAYLOAD_TOO_LARGE";
			message = "The request body exceeds the size limit";
		}
		else if (ex instanceof ResponseStatusException statusException && statusException.getStatusCode().is4xxClientError()) {
			status = statusException.getStatusCode();
			code = status.value() == 415 ? "UNSUPPORTED_MEDIA_TYPE" : status.value() == 405 ? "METHOD_NOT_ALLOWED" : "BAD_REQUEST";
			message = statusException.getReason() != null ? statusException.getReason() : "The request could not be read";
		}
		else {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
			code = "INTERNAL";
			message = "Internal error; quote the trace id when reporting it";
			log.error("Unhandled error on {} [traceId={}]", exchange.getRequest().getPath(), GraphQlErrorBody.traceId(exchange), ex);
		}
		var response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		byte[] body = GraphQlErrorBody.json(code, message, GraphQlErrorBody.traceId(exchange)).getBytes(StandardCharsets.UTF_8);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

}
