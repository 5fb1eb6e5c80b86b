package com.performanceos.sdk;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a response's top-level {@code errors}: authentication, authorisation, limits,
 * malformed requests and crashes. Business failures are not errors: mutations report them as
 * {@code userErrors} in their payload.
 *
 * @param message the server's explanation, for people
 * @param code {@code extensions.code}, e.g. {@code UNAUTHENTICATED}, {@code FORBIDDEN}, {@code THROTTLED}
 * @param traceId {@code extensions.traceId}, to quote when asking for support
 * @param path the response path of the field at fault, when the error belongs to one
 * @param extensions every extension the server sent, {@code code} and {@code traceId} included
 */
public record GraphQlError(String message, @Nullable String code, @Nullable String traceId, List<Object> path,
		Map<String, Object> extensions) {

	public GraphQlError {
		path = List.copyOf(path);
		extensions = Map.copyOf(extensions);
	}

}
