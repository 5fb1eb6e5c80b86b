package com.performanceos.platform.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in free text coming from outside (imported files, bank labels): email
 * addresses, IBANs (only those whose mod-97 check passes, so invoice numbers that merely look like
 * one are not flagged) and French social security numbers (NIR, with their 97-complement key).
 */
public final class PersonalDataDetector {

	/** What kind of personal data was found. */
	public enum Kind {

		EMAIL, IBAN, NATIONAL_ID

	}

	/** One finding: its kind and where it sits in the text. */
	public record Finding(Kind kind, int start, int end) {
	}

	/** Longest text inspected; longer text is inspected up to this length only. */
	public static final int MAX_TEXT_LENGTH = 10_000;

	private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,24}");

	private static final Pattern IBAN_CANDIDATE = Pattern.compile("\\b[A-Za-z]{2}[0-9]{2}(?:[ ]?[A-Za-z0-9]{1,4}){3,8}\\b");

	private static final Pattern NIR = Pattern.compile("\\b([12])[ ]?([0-9]{2})[ ]?([0-9]{2})[ ]?([0-9AB]{2})[ ]?([0-9]{3})[ ]?([0-9]{3})[ ]?([0-9]{2})\\b");

	private PersonalDataDetector() {
	}

	public static List<Finding> find(String text) {
		String inspected = text.length() > MAX_TEXT_LENGTH ? text.substring(0, MAX_TEXT_LENGTH) : text;
		List<Finding> findings = new ArrayList<>();
		Matcher email = EMAIL.matcher(inspected);
		while (email.find()) {
			findings.add(new Finding(Kind.EMAIL, email.start(), email.end()));
		}
		Matcher iban = IBAN_CANDIDATE.matcher(inspected);
		while (iban.find()) {
			if (Iban.parse(iban.group()).isPresent()) {
				findings.add(new Finding(Kind.IBAN, iban.start(), iban.end()));
			}
		}
		Matcher nir = NIR.matcher(inspected);
		while (nir.find()) {
			if (validNir(nir)) {
				findings.add(new Finding(Kind.NATIONAL_ID, nir.start(), nir.end()));
			}
		}
		return findings;
	}

	public static boolean containsPersonalData(String text) {
		return !find(text).isEmpty();
	}

	/** The text with every finding replaced by {@code [KIND]}. */
	public static String redact(String text) {
		List<Finding> findings = find(text);
		if (findings.isEmpty()) {
			return text;
		}
		findings.sort((a, b) -> Integer.compare(b.start(), a.start()));
		StringBuilder redacted = new StringBuilder(text);
		int last = Integer.MAX_VALUE;
		for (Finding finding : findings) {
			if (finding.end() <= last) {
				redacted.replace(finding.start(), finding.end(), "[" + finding.kind() + "]");
				last = finding.start();
			}
		}
		return redacted.toString();
	}

	private static boolean validNir(Matcher nir) {
		String department = nir.group(4).replace("2A", "19").replace("2B", "18");
		if (!department.chars().allMatch(Character::isDigit)) {
			return false;
		}
		String number = nir.group(1) + nir.group(2) + nir.group(3) + department + nir.group(5) + nir.group(6);
		long key = Long.parseLong(nir.group(7));
		return 97 - Long.parseLong(number) % 97 == key;
	}

}
