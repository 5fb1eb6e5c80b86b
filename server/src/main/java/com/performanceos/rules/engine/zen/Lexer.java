package com.performanceos.rules.engine.zen;

import java.util.ArrayList;
import java.util.List;

import com.performanceos.rules.engine.RuleDefinitionException;

/** Splits ZEN expression text into tokens; positions are kept for error messages. */
final class Lexer {

	enum Kind {
		NUMBER, STRING, TEMPLATE, IDENTIFIER, OPERATOR, END
	}

	record Token(Kind kind, String text, int position) {

		boolean is(String operator) {
			return (this.kind == Kind.OPERATOR || this.kind == Kind.IDENTIFIER) && this.text.equals(operator);
		}

	}

	private static final String[] OPERATORS = { "..", "??", "==", "!=", "<=", ">=", "&&", "||", "+", "-", "*", "/",
			"%", "^", "<", ">", "!", "?", ":", ".", ",", "(", ")", "[", "]", "{", "}" };

	private Lexer() {
	}

	static List<Token> tokenize(String source) {
		List<Token> tokens = new ArrayList<>();
		int i = 0;
		int length = source.length();
		while (i < length) {
			char c = source.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (Character.isDigit(c)) {
				int start = i;
				while (i < length && (Character.isDigit(source.charAt(i)) || source.charAt(i) == '_')) {
					i++;
				}
				if (i + 1 < length && source.charAt(i) == '.' && Character.isDigit(source.charAt(i + 1))) {
					i++;
					while (i < length && (Character.isDigit(source.charAt(i)) || source.charAt(i) == '_')) {
						i++;
					}
				}
				if (i < length && (source.charAt(i) == 'e' || source.charAt(i) == 'E') && i + 1 < length
						&& (Character.isDigit(source.charAt(i + 1)) || source.charAt(i + 1) == '-' || source.charAt(i + 1) == '+')) {
					i += 2;
					while (i < length && Character.isDigit(source.charAt(i))) {
						i++;
					}
				}
				tokens.add(new Token(Kind.NUMBER, source.substring(start, i).replace("_", ""), start));
			}
			else if (c == '"' || c == '\'') {
				int start = i;
				StringBuilder text = new StringBuilder();
				i++;
				while (i < length && source.charAt(i) != c) {
					if (source.charAt(i) == '\\' && i + 1 < length) {
						i++;
						char escaped = source.charAt(i);
						text.append(switch (escaped) {
							case 'n' -> '\n';
							case 't' -> '\t';
							case 'r' -> '\r';
							default -> escaped;
						});
					}
					else {
						text.append(source.charAt(i));
					}
					i++;
				}
				if (i >= length) {
					throw error(source, start, "unterminated string");
				}
				i++;
				tokens.add(new Token(Kind.STRING, text.toString(), start));
			}
			else if (c == '`') {
				int start = i;
				i++;
				int depth = 0;
				while (i < length && (source.charAt(i) != '`' || depth > 0)) {
					if (source.startsWith("${", i)) {
						depth++;
						i++;
					}
					else if (source.charAt(i) == '}' && depth > 0) {
						depth--;
					}
					i++;
				}
				if (i >= length) {
					throw error(source, start, "unterminated template string");
				}
				tokens.add(new Token(Kind.TEMPLATE, source.substring(start + 1, i), start));
				i++;
			}
			else if (Character.isLetter(c) || c == '_' || c == '$' || c == '#') {
				int start = i;
				i++;
				while (i < length && (Character.isLetterOrDigit(source.charAt(i)) || source.charAt(i) == '_'
						|| source.charAt(i) == '$')) {
					i++;
				}
				tokens.add(new Token(Kind.IDENTIFIER, source.substring(start, i), start));
			}
			else {
				String operator = null;
				for (String candidate : OPERATORS) {
					if (source.startsWith(candidate, i)) {
						operator = candidate;
						break;
					}
				}
				if (operator == null) {
					throw error(source, i, "unexpected character '" + c + "'");
				}
				tokens.add(new Token(Kind.OPERATOR, operator, i));
				i += operator.length();
			}
		}
		tokens.add(new Token(Kind.END, "", length));
		return tokens;
	}

	static RuleDefinitionException error(String source, int position, String message) {
		int line = 1;
		int column = 1;
		for (int i = 0; i < position && i < source.length(); i++) {
			if (source.charAt(i) == '\n') {
				line++;
				column = 1;
			}
			else {
				column++;
			}
		}
		return RuleDefinitionException.of("line " + line + ", column " + column, message + " in `" + source + "`");
	}

}
