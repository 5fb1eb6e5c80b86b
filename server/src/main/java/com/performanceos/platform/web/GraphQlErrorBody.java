package com.performanceos.platform.web;

import org.springframework.web.server.ServerWebExchange;

/**
 * The GraphQL error document for failures that happen before GraphQL runs (authentication, body
 * limits, unreadable JSON), so a client parses one format whatever went wrong.
 */
public final class GraphQlErrorBody {

	private GraphQlErrorBody() {
	}

	public static String json(String code, String message, String traceId) {
		return "{\"errors\":[{\"message\":\"" + escape(message) + "\",\"extensions\":{\"code\":\"" + escape(code)
				+ "\",\"traceId\":\"" + escape(traceId) + "\"}}]}";
	}

	public static String traceId(ServerWebExchange exchange) {
		Object traceId = exchange.getAttribute(TraceIdWebFilter.TRACE_ID_ATTRIBUTE);
		return traceId != null ? traceId.toString() : "";
	}

	private static String escape(String value) {
		StringBuilder escaped = new StringBuilder(value.length() + 8);
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> escaped.append("\\\"");
				case '\\' -> escaped.append("\\\\");
				case '\n' -> escaped.append("\\n");
				case '\r' -> escaped.append("\\r");
				case '\t' -> escaped.append("\\t");
				default -> {
					if (c < 0x20) {
						escaped.append(String.format("\\u%04x", (int) c));
					}
					else {
						escaped.append(c);
					}
				}
			}
		}
		return escaped.toString();
	}

}
