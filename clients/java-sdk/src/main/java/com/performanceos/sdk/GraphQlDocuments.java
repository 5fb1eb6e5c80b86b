package com.performanceos.sdk;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a GraphQL document into its top-level definitions, enough to send one named operation with
 * exactly the fragments it uses (a server refuses a document with unused fragments, and a persisted
 * query's hash must not change when another operation of the same file does). It skips comments and
 * strings, so braces inside them do not count; it is not a validator: the schema check of every
 * shipped operation is done at build time.
 */
final class GraphQlDocuments {

	/** Largest document accepted, far above any operation a person writes. */
	static final int DOCUMENT_LENGTH_MAX = 1_000_000;

	private static final Pattern SPREAD = Pattern.compile("\\.\\.\\.\\s*([_A-Za-z][_0-9A-Za-z]*)");

	private static final Pattern NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]*");

	private GraphQlDocuments() {
	}

	/**
	 * A top-level definition.
	 *
	 * @param keyword {@code query}, {@code mutation}, {@code subscription} or {@code fragment}
	 * @param name its name; empty for an anonymous query
	 * @param text its source text
	 * @param spreads the fragments it spreads
	 * @param firstField the response key of its first selected field
	 */
	record Definition(String keyword, String name, String text, Set<String> spreads, String firstField) {
	}

	/** The named operation with the fragments it needs (transitively), in the order of the source. */
	static String extract(String source, String operationName) {
		List<Definition> definitions = parse(source);
		Definition operation = definitions.stream()
			.filter(definition -> !definition.keyword().equals("fragment") && definition.name().equals(operationName))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("The document has no operation named " + operationName));
		Set<String> needed = new LinkedHashSet<>();
		collectFragments(operation, definitions, needed);
		StringBuilder document = new StringBuilder(operation.text());
		for (Definition definition : definitions) {
			if (definition.keyword().equals("fragment") && needed.contains(definition.name())) {
				document.append("\n\n").append(definition.text());
			}
		}
		return document.toString();
	}

	private static void collectFragments(Definition from, List<Definition> definitions, Set<String> needed) {
		for (String spread : from.spreads()) {
			if (needed.add(spread)) {
				Definition fragment = definitions.stream()
					.filter(definition -> definition.keyword().equals("fragment") && definition.name().equals(spread))
					.findFirst()
					.orElseThrow(() -> new IllegalArgumentException("The document has no fragment named " + spread));
				collectFragments(fragment, definitions, needed);
			}
		}
	}

	static List<Definition> parse(String source) {
		if (source.length() > DOCUMENT_LENGTH_MAX) {
			throw new IllegalArgumentException("A GraphQL document longer than " + DOCUMENT_LENGTH_MAX + " characters");
		}
		List<Definition> definitions = new ArrayList<>();
		int index = 0;
		while (index < source.length()) {
			char current = source.charAt(index);
			if (current == '#') {
				index = endOfComment(source, index);
			}
			else if (Character.isWhitespace(current) || current == ',' || current == '\uFEFF') {
				index++;
			}
			else {
				int end = endOfDefinition(source, index);
				definitions.add(definition(source.substring(index, end)));
				index = end;
			}
		}
		return definitions;
	}

	/**
	 * The index just after the closing brace of the definition starting at {@code start}. Braces
	 * inside parentheses (object values of arguments and variable defaults) do not count.
	 */
	private static int endOfDefinition(String source, int start) {
		int depth = 0;
		int parentheses = 0;
		int index = start;
		while (index < source.length()) {
			char current = source.charAt(index);
			if (current == '#') {
				index = endOfComment(source, index);
				continue;
			}
			if (current == '"') {
				index = endOfString(source, index);
				continue;
			}
			if (current == '(') {
				parentheses++;
			}
			else if (current == ')') {
				parentheses--;
			}
			else if (parentheses > 0) {
				// An object value: its braces balance themselves.
			}
			else if (current == '{') {
				depth++;
			}
			else if (current == '}') {
				depth--;
				if (depth == 0) {
					return index + 1;
				}
				if (depth < 0) {
					break;
				}
			}
			index++;
		}
		throw new IllegalArgumentException("Unbalanced braces in the GraphQL document at offset " + start);
	}

	private static Definition definition(String text) {
		String code = withoutCommentsAndStrings(text);
		Matcher keyword = NAME.matcher(code);
		boolean named = keyword.lookingAt();
		String kind = named ? keyword.group() : "query";
		String name = "";
		if (named) {
			Matcher following = NAME.matcher(code).region(skipWhitespace(code, keyword.end()), code.length());
			if (following.lookingAt()) {
				name = following.group();
			}
		}
		Set<String> spreads = new LinkedHashSet<>();
		Matcher spread = SPREAD.matcher(code);
		while (spread.find()) {
			if (!spread.group(1).equals("on")) {
				spreads.add(spread.group(1));
			}
		}
		return new Definition(kind, name, text.strip(), spreads, firstField(code));
	}

	/** The first name inside the selection set: the first '{' outside parentheses (variable defaults). */
	private static String firstField(String code) {
		int parentheses = 0;
		for (int index = 0; index < code.length(); index++) {
			char current = code.charAt(index);
			if (current == '(') {
				parentheses++;
			}
			else if (current == ')') {
				parentheses--;
			}
			else if (current == '{' && parentheses == 0) {
				Matcher field = NAME.matcher(code).region(skipWhitespace(code, index + 1), code.length());
				return field.lookingAt() ? field.group() : "";
			}
		}
		return "";
	}

	private static String withoutCommentsAndStrings(String text) {
		StringBuilder code = new StringBuilder(text.length());
		int index = 0;
		while (index < text.length()) {
			char current = text.charAt(index);
			if (current == '#') {
				index = endOfComment(text, index);
			}
			else if (current == '"') {
				index = endOfString(text, index);
				code.append("\"\"");
			}
			else {
				code.append(current);
				index++;
			}
		}
		return code.toString();
	}

	private static int skipWhitespace(String code, int from) {
		int index = from;
		while (index < code.length() && (Character.isWhitespace(code.charAt(index)) || code.charAt(index) == ',')) {
			index++;
		}
		return index;
	}

	private static int endOfComment(String source, int start) {
		int newline = source.indexOf('\n', start);
		return newline < 0 ? source.length() : newline + 1;
	}

	/** The index after the string (or block string) starting at {@code start}. */
	private static int endOfString(String source, int start) {
		if (source.startsWith("\"\"\"", start)) {
			int index = start + 3;
			while (index < source.length()) {
				if (source.startsWith("\\\"\"\"", index)) {
					index += 4;
				}
				else if (source.startsWith("\"\"\"", index)) {
					return index + 3;
				}
				else {
					index++;
				}
			}
		}
		else {
			int index = start + 1;
			while (index < source.length()) {
				char current = source.charAt(index);
				if (current == '\\') {
					index += 2;
				}
				else if (current == '"') {
					return index + 1;
				}
				else if (current == '\n') {
					break;
				}
				else {
					index++;
				}
			}
		}
		throw new IllegalArgumentException("Unterminated string in the GraphQL document at offset " + start);
	}

}
