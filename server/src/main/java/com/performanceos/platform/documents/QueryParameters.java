package com.performanceos.platform.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.validation.ControlCharacters;
import com.performanceos.platform.validation.InvalidInputException;
import com.performanceos.platform.validation.SupportedDates;
import com.performanceos.platform.web.GraphQlErrorBody;

/**
 * Query parameters of the HTTP routes, checked like GraphQL arguments: dates strict and within
 * {@link SupportedDates}, no control character in any value. A refusal is a 400 in the GraphQL error
 * shape with {@code extensions.code} {@code BAD_USER_INPUT} and {@code extensions.field} naming the
 * parameter.
 */
public final class QueryParameters {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private QueryParameters() {
	}

	/** A parameter the route cannot use. */
	public static final class InvalidParameterException extends RuntimeException {

		private final String field;

		InvalidParameterException(String field, String message) {
			super(message);
			this.field = field;
		}

		public String field() {
			return field;
		}

	}

	/**
	 * Refuses a request any of whose parameters holds a control character (tab and line breaks
	 * included: no parameter of these routes is free text).
	 */
	public static void checkAll(ServerRequest request) {
		for (Map.Entry<String, List<String>> parameter : request.queryParams().entrySet()) {
			for (String value : parameter.getValue()) {
				text(parameter.getKey(), value);
			}
		}
	}

	/** The parameter's date, empty when absent or empty. */
	public static Optional<LocalDate> date(ServerRequest request, String name) {
		return value(request, name).map(text -> {
			try {
				return SupportedDates.parseDate(text);
			}
			catch (InvalidInputException ex) {
				throw new InvalidParameterException(name, ex.about(name));
			}
		});
	}

	/** The parameter's instant (RFC 3339 with an offset), empty when absent or empty. */
	public static Optional<Instant> dateTime(ServerRequest request, String name) {
		return value(request, name).map(text -> {
			try {
				return SupportedDates.parseDateTime(text);
			}
			catch (InvalidInputException ex) {
				throw new InvalidParameterException(name, ex.about(name));
			}
		});
	}

	/** The 400 answer to a refused parameter. */
	public static Mono<ServerResponse> refuse(ServerRequest request, InvalidParameterException refusal) {
		return refuse(request, refusal.field(), refusal.getMessage());
	}

	/** A 400 answer naming the parameter at fault. */
	public static Mono<ServerResponse> refuse(ServerRequest request, String field, String message) {
		Map<String, Object> error = Map.of("message", message, "extensions",
				Map.of("code", "BAD_USER_INPUT", "field", field, "traceId", GraphQlErrorBody.traceId(request.exchange())));
		return ServerResponse.status(HttpStatus.BAD_REQUEST)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(JSON.writeValueAsString(Map.of("errors", List.of(error))));
	}

	private static Optional<String> value(ServerRequest request, String name) {
		return request.queryParam(name).filter(value -> !value.isEmpty()).map(value -> text(name, value));
	}

	private static String text(String name, String value) {
		try {
			return ControlCharacters.check(value, ControlCharacters.Kind.IDENTIFIER);
		}
		catch (InvalidInputException ex) {
			throw new InvalidParameterException(name, ex.about(name));
		}
	}

}
