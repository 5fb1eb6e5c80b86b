package com.performanceos.platform.validation;

import java.util.Locale;

/** Client text quoted in an error message: controls escaped, length bounded, so a message never carries them back. */
final class Texts {

	private static final int QUOTED_LENGTH_MAX = 64;

	private Texts() {
	}

	static String printable(String text) {
		StringBuilder printable = new StringBuilder(Math.min(text.length(), QUOTED_LENGTH_MAX) + 8);
		for (int i = 0; i < text.length() && i < QUOTED_LENGTH_MAX; i++) {
			char c = text.charAt(i);
			if (Character.isISOControl(c)) {
				printable.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
			}
			else {
				printable.append(c);
			}
		}
		if (text.length() > QUOTED_LENGTH_MAX) {
			printable.append("...");
		}
		return printable.toString();
	}

}
