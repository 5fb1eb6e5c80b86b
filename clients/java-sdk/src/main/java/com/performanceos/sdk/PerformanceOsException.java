package com.performanceos.sdk;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * A call that did not produce a result: the server answered with top-level {@code errors}, or the
 * exchange itself failed. {@link #code()} is the first error's {@code extensions.code} or one of the
 * client's own codes ({@link #NETWORK_ERROR}, {@link #HTTP_ERROR}, {@link #PROTOCOL_ERROR},
 * {@link #INTERRUPTED}).
 */
public class PerformanceOsException extends RuntimeException {

	/** The server could not be reached or the connection broke. */
	public static final String NETWORK_ERROR = "NETWORK_ERROR";

	/** The server answered with an HTTP error status and no GraphQL errors. */
	public static final String HTTP_ERROR = "HTTP_ERROR";

	/** The server's answer did not follow GraphQL over HTTP or graphql-transport-ws. */
	public static final String PROTOCOL_ERROR = "PROTOCOL_ERROR";

	/** The calling thread was interrupted while waiting. */
	public static final String INTERRUPTED = "INTERRUPTED";

	private static final long serialVersionUID = 1L;

	private final String code;

	private final @Nullable String traceId;

	private final int httpStatus;

	private final transient List<GraphQlError> errors;

	private final transient @Nullable JsonNode data;

	public PerformanceOsException(String code, String message, @Nullable String traceId, int httpStatus,
			List<GraphQlError> errors, @Nullable JsonNode data, @Nullable Throwable cause) {
		super(message, cause);
		this.code = code;
		this.traceId = traceId;
		this.httpStatus = httpStatus;
		this.errors = List.copyOf(errors);
		this.data = data;
	}

	static PerformanceOsException of(List<GraphQlError> errors, @Nullable String headerTraceId, int httpStatus,
			@Nullable JsonNode data) {
		GraphQlError first = errors.get(0);
		String code = first.code() != null ? first.code() : PROTOCOL_ERROR;
		String traceId = first.traceId() != null ? first.traceId() : headerTraceId;
		return new PerformanceOsException(code, first.message(), traceId, httpStatus, errors, data, null);
	}

	static PerformanceOsException client(String code, String message, @Nullable Throwable cause) {
		return new PerformanceOsException(code, message, null, 0, List.of(), null, cause);
	}

	/** The first error's {@code extensions.code}, or one of this class's constants. */
	public String code() {
		return code;
	}

	/** The server's trace id for the failed exchange, when it sent one. */
	public @Nullable String traceId() {
		return traceId;
	}

	/** The HTTP status of the failed exchange; 0 when there was none (network, WebSocket). */
	public int httpStatus() {
		return httpStatus;
	}

	/** Every error the server reported, in its order; empty for the client's own codes. */
	public List<GraphQlError> errors() {
		return errors;
	}

	/** The partial {@code data} that came with the errors, if any. */
	public @Nullable JsonNode data() {
		return data;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + code + (traceId != null ? ", traceId " + traceId : "") + "]: "
				+ getMessage();
	}

}
