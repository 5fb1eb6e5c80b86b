package com.performanceos.rules.sales.crm;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading the providers' JSON: numbers as exact decimals, values as text, and one failure for any shape we did not expect. */
final class ProviderResponses {

	private ProviderResponses() {
	}

	/**
	 * One page of records and where the next one is.
	 *
	 * @param records the page's records, in the provider's order
	 * @param total how many records match in all, when the provider says
	 * @param next the next page (Salesforce: its URL path; HubSpot: its {@code after} cursor); null on the last page
	 */
	record Page(List<ProviderRecord> records, @Nullable Long total, @Nullable String next) {

		Page {
			records = List.copyOf(records);
		}

	}

	/** An answer that is not the documented shape; the message says what is wrong, never what the body held. */
	static final class Invalid extends RuntimeException {

		Invalid(String message) {
			super(message, null, false, false);
		}

	}

	/** The body as a tree; amounts stay exact ({@code 0.1} is read as the decimal 0.1, not the double next to it). */
	static JsonNode read(JsonMapper json, byte[] body) {
		try {
			JsonNode root = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(body);
			if (root == null || !root.isObject()) {
				throw new Invalid("the body is not a JSON object");
			}
			return root;
		}
		catch (JacksonException ex) {
			throw new Invalid("the body is not JSON");
		}
	}

	/** A value as text, or null when it is absent, null or empty; numbers in plain notation, structures refused. */
	static @Nullable String text(JsonNode node) {
		if (node.isMissingNode() || node.isNull()) {
			return null;
		}
		if (node.isNumber()) {
			return node.decimalValue().toPlainString();
		}
		if (node.isContainer()) {
			throw new Invalid("a field holds a structure where a value was expected");
		}
		String text = node.asString();
		return text.isEmpty() ? null : text;
	}

	/** A required text value, the id of a record say. */
	static String required(JsonNode node, String name) {
		String value = text(node.path(name));
		if (value == null) {
			throw new Invalid("a record has no " + name);
		}
		return value;
	}

}
