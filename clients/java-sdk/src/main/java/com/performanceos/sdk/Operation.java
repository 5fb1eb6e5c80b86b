package com.performanceos.sdk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One named GraphQL operation with the fragments it uses, and the generated type its first root
 * field is read into. The shipped ones are in {@link Operations}; {@link #of} makes others, for
 * instance an operation of your own selecting other fields of the same generated types.
 *
 * @param <T> the generated type of the operation's first root field
 */
public final class Operation<T> {

	/** Whether it reads, writes or listens. */
	public enum Kind {
		QUERY, MUTATION, SUBSCRIPTION
	}

	private final Kind kind;

	private final String name;

	private final String document;

	private final String rootField;

	private final Class<T> resultType;

	private final String sha256;

	private Operation(Kind kind, String name, String document, String rootField, Class<T> resultType) {
		this.kind = kind;
		this.name = name;
		this.document = document;
		this.rootField = rootField;
		this.resultType = resultType;
		this.sha256 = sha256(document);
	}

	/**
	 * The operation named {@code operationName} in {@code document} (which may hold other operations
	 * and fragments: only the fragments it uses are kept), read into {@code resultType}.
	 */
	public static <T> Operation<T> of(String document, String operationName, Class<T> resultType) {
		String extracted = GraphQlDocuments.extract(document, operationName);
		GraphQlDocuments.Definition definition = GraphQlDocuments.parse(extracted).get(0);
		if (definition.firstField().isEmpty()) {
			throw new IllegalArgumentException("Operation " + operationName + " selects no field");
		}
		Kind kind = Kind.valueOf(definition.keyword().toUpperCase(Locale.ROOT));
		return new Operation<>(kind, operationName, extracted, definition.firstField(), resultType);
	}

	public Kind kind() {
		return kind;
	}

	public String name() {
		return name;
	}

	/** The exact text sent, whose SHA-256 is the persisted-query hash. */
	public String document() {
		return document;
	}

	/** The response key (field name or alias) of the first root field, whose value is the result. */
	public String rootField() {
		return rootField;
	}

	public Class<T> resultType() {
		return resultType;
	}

	/** The lowercase hex SHA-256 of {@link #document()}: the automatic persisted query hash. */
	public String sha256() {
		return sha256;
	}

	@Override
	public String toString() {
		return kind.name().toLowerCase(Locale.ROOT) + " " + name;
	}

	private static String sha256(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
