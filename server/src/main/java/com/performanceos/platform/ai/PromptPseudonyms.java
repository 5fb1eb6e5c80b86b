package com.performanceos.platform.ai;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.performanceos.platform.privacy.PersonalDataDetector;
import com.performanceos.platform.privacy.PersonalDataHasher;

/**
 * Replaces the personal data found in a prompt (emails, IBANs, national ids: {@link PersonalDataDetector}) by the
 * tenant's pseudonyms before it leaves the server, e.g. {@code EMAIL_3f9a1c2b}. The same value gives the same
 * pseudonym within a tenant, so the model can still tell two people apart; no pseudonym can be reversed without the
 * server's hashing key. Features that know other personal data (names of reps) pass it as {@code known}.
 */
@Component
public final class PromptPseudonyms {

	/** Hex digits of the pseudonym kept in the prompt: enough to tell people apart, short for the model. */
	private static final int PSEUDONYM_LENGTH = 8;

	private final PersonalDataHasher hasher;

	PromptPseudonyms(PersonalDataHasher hasher) {
		this.hasher = hasher;
	}

	/** The text with every detected personal value, and every one of {@code known} (names), pseudonymised. */
	public String pseudonymise(String tenant, String text, List<String> known) {
		String result = text;
		for (String name : known) {
			if (!name.isBlank()) {
				result = result.replace(name, pseudonym(tenant, "NAME", name));
			}
		}
		List<PersonalDataDetector.Finding> findings = PersonalDataDetector.find(result);
		if (findings.isEmpty()) {
			return result;
		}
		// From the end, so earlier offsets stay valid; an overlapping finding (an IBAN inside an email) is skipped.
		List<PersonalDataDetector.Finding> fromTheEnd = new java.util.ArrayList<>(findings);
		fromTheEnd.sort((a, b) -> Integer.compare(b.start(), a.start()));
		StringBuilder replaced = new StringBuilder(result);
		int last = Integer.MAX_VALUE;
		for (PersonalDataDetector.Finding finding : fromTheEnd) {
			if (finding.end() <= last) {
				String value = replaced.substring(finding.start(), finding.end()).replace(" ", "");
				replaced.replace(finding.start(), finding.end(), pseudonym(tenant, finding.kind().name(), value));
				last = finding.start();
			}
		}
		return replaced.toString();
	}

	private String pseudonym(String tenant, String kind, String value) {
		return kind + "_" + hasher.pseudonym(tenant, value.toLowerCase(Locale.ROOT)).substring(0, PSEUDONYM_LENGTH);
	}

}
