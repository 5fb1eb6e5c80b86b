package com.performanceos.rules.sales;

import java.util.List;

/** The schema's {@code SalesError}, shared by the sales data mutations. */
public record SalesError(SalesErrorCode code, String message, List<String> field) {

	static SalesError invalid(String message, String... path) {
		return at(SalesErrorCode.INVALID_INPUT, message, path);
	}

	static SalesError at(SalesErrorCode code, String message, String... path) {
		List<String> field = new java.util.ArrayList<>(List.of("input"));
		field.addAll(List.of(path));
		return new SalesError(code, message, List.copyOf(field));
	}

}
