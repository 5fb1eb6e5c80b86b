package com.performanceos.platform.graphql;

import java.util.Map;

/**
 * An exception that becomes a top-level GraphQL error with the given code and message, for
 * failures that are not business outcomes (those are user errors).
 */
public class GraphQlException extends RuntimeException {

	private final ErrorCode code;

	private final Map<String, Object> extensions;

	public GraphQlException(ErrorCode code, String message) {
		this(code, message, Map.of());
	}

	public GraphQlException(ErrorCode code, String message, Map<String, Object> extensions) {
		super(message);
		this.code = code;
		this.extensions = Map.copyOf(extensions);
	}

	public ErrorCode code() {
		return code;
	}

	public Map<String, Object> extensions() {
		return extensions;
	}

}
