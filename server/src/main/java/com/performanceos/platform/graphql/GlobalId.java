package com.performanceos.platform.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An opaque, typed and stable object identifier: base64url of {@code Type:uuid}. Clients must not
 * build or parse one; the type inside lets {@code node(id)} route it and refuse ids of the wrong
 * type where a specific type is expected.
 *
 * @param type the GraphQL type name
 * @param key the primary key
 */
public record GlobalId(String type, UUID key) {

	private static final Pattern TYPE_NAME = Pattern.compile("[A-Z][A-Za-z0-9]{0,63}");

	/** Longest encoded id accepted; anything longer is not one of ours and is not decoded. */
	private static final int MAX_ENCODED_LENGTH = 128;

	public GlobalId {
		if (!TYPE_NAME.matcher(type).matches()) {
			throw new IllegalArgumentException("Not a GraphQL type name: " + type);
		}
	}

	public String encode() {
		return Base64.getUrlEncoder().withoutPadding().encodeToString((type + ":" + key).getBytes(StandardCharsets.UTF_8));
	}

	public static String encode(String type, UUID key) {
		return new GlobalId(type, key).encode();
	}

	/** Decodes an id; empty when it is not a well-formed global id. */
	public static Optional<GlobalId> decode(String encoded) {
		if (encoded.length() > MAX_ENCODED_LENGTH) {
			return Optional.empty();
		}
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
			int separator = decoded.indexOf(':');
			if (separator < 1) {
				return Optional.empty();
			}
			String type = decoded.substring(0, separator);
			if (!TYPE_NAME.matcher(type).matches()) {
				return Optional.empty();
			}
			return Optional.of(new GlobalId(type, UUID.fromString(decoded.substring(separator + 1))));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** Decodes an id that must be of the given type; empty otherwise. */
	public static Optional<UUID> decode(String encoded, String expectedType) {
		return decode(encoded).filter(id -> id.type().equals(expectedType)).map(GlobalId::key);
	}

}
