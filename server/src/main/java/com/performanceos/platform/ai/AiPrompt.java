package com.performanceos.platform.ai;

import java.util.LinkedHashMap;
import java.util.Map;

import com.performanceos.platform.digest.Sha256;

/**
 * What is sent to the model: instructions and the user's part, already pseudonymised ({@link PromptPseudonyms}).
 * Only its digest is audited; the text itself is kept with a queued request so that it can be sent later.
 *
 * @param system the instructions (the answer's JSON shape)
 * @param user the request, pseudonymised
 */
public record AiPrompt(String system, String user) {

	/** Longest prompt part sent; a longer one is a bug of the feature building it. */
	public static final int PART_LENGTH_MAX = 50_000;

	public AiPrompt {
		if (system.length() > PART_LENGTH_MAX || user.length() > PART_LENGTH_MAX) {
			throw new IllegalArgumentException("A prompt part is longer than " + PART_LENGTH_MAX + " characters");
		}
	}

	/** SHA-256 (hex) of both parts, what the audit log and proposals record instead of the prompt. */
	public String sha256() {
		return Sha256.hex(system + "\u0000" + user);
	}

	Map<String, String> toValue() {
		Map<String, String> value = new LinkedHashMap<>();
		value.put("system", system);
		value.put("user", user);
		return value;
	}

}
