package com.performanceos.tenders.watch;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decodes the HTML entities BOAMP leaves in its text fields ({@code d&#039;Agglomération}). */
final class Entities {

	private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos);");

	private Entities() {
	}

	static String decode(String text) {
		if (text.indexOf('&') < 0) {
			return text;
		}
		Matcher matcher = ENTITY.matcher(text);
		StringBuilder decoded = new StringBuilder(text.length());
		while (matcher.find()) {
			String entity = matcher.group(1);
			String replacement = switch (entity) {
				case "amp" -> "&";
				case "lt" -> "<";
				case "gt" -> ">";
				case "quot" -> "\"";
				case "apos" -> "'";
				default -> {
					int code = entity.startsWith("#x") ? Integer.parseInt(entity.substring(2), 16) : Integer.parseInt(entity.substring(1));
					yield Character.isValidCodePoint(code) ? Character.toString(code) : "";
				}
			};
			matcher.appendReplacement(decoded, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(decoded);
		return decoded.toString();
	}

}
