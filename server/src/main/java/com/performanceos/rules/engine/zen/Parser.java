package com.performanceos.rules.engine.zen;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.performanceos.rules.engine.JsonValues;
import com.performanceos.rules.engine.RuleDefinitionException;
import com.performanceos.rules.engine.zen.Ast.Node;
import com.performanceos.rules.engine.zen.Lexer.Kind;
import com.performanceos.rules.engine.zen.Lexer.Token;

/**
 * A recursive-descent parser for ZEN expressions. Precedence, lowest first: {@code ? :},
 * {@code ??}, {@code or}, {@code and}, comparisons and {@code in}, {@code + -}, {@code * / %},
 * {@code ^}, unary {@code - ! not}, then member access, indexing and calls.
 */
final class Parser {

	/** Deeper nesting than this is refused: it bounds the parser's stack. */
	private static final int DEPTH_MAX = 200;

	private final String source;

	private final List<Token> tokens;

	private int position;

	private int depth;

	/** In a unary test a comparison may start without its left side, which is then {@code $}. */
	private final boolean unaryTest;

	private Parser(String source, boolean unaryTest) {
		this.source = source;
		this.tokens = Lexer.tokenize(source);
		this.unaryTest = unaryTest;
	}

	static Node parse(String source) {
		return parse(source, false);
	}

	/** Parses one test of a unary-test cell, where {@code > 13 and < 15} means {@code $ > 13 and $ < 15}. */
	static Node parseUnary(String source) {
		return parse(source, true);
	}

	private static Node parse(String source, boolean unaryTest) {
		Parser parser = new Parser(source, unaryTest);
		Node node = parser.expression();
		parser.expectEnd();
		return node;
	}

	private void expectEnd() {
		if (peek().kind() != Kind.END) {
			throw error(peek(), "unexpected '" + peek().text() + "'");
		}
	}

	private Token peek() {
		return this.tokens.get(this.position);
	}

	private Token next() {
		return this.tokens.get(this.position++);
	}

	private void expect(String operator) {
		Token token = next();
		if (!token.is(operator)) {
			throw error(token, "expected '" + operator + "' but found '" + token.text() + "'");
		}
	}

	private RuleDefinitionException error(Token token, String message) {
		return Lexer.error(this.source, token.position(), message);
	}

	Node expression() {
		if (++this.depth > DEPTH_MAX) {
			throw error(peek(), "expression nested too deeply");
		}
		Node condition = coalesce();
		if (peek().is("?")) {
			this.position++;
			Node whenTrue = expression();
			expect(":");
			Node whenFalse = expression();
			condition = new Ast.Conditional(condition, whenTrue, whenFalse);
		}
		this.depth--;
		return condition;
	}

	private Node coalesce() {
		Node left = or();
		while (peek().is("??")) {
			this.position++;
			left = new Ast.Binary("??", left, or());
		}
		return left;
	}

	private Node or() {
		Node left = and();
		while (peek().is("or") || peek().is("||")) {
			this.position++;
			left = new Ast.Binary("or", left, and());
		}
		return left;
	}

	private Node and() {
		Node left = comparison();
		while (peek().is("and") || peek().is("&&")) {
			this.position++;
			left = new Ast.Binary("and", left, comparison());
		}
		return left;
	}

	private Node comparison() {
		Node left = additive();
		while (true) {
			Token token = peek();
			if (token.is("==") || token.is("!=") || token.is("<") || token.is("<=") || token.is(">") || token.is(">=")
					|| token.is("in")) {
				this.position++;
				left = new Ast.Binary(token.text(), left, additive());
			}
			else if (token.is("not") && this.tokens.get(this.position + 1).is("in")) {
				this.position += 2;
				left = new Ast.Binary("not in", left, additive());
			}
			else {
				return left;
			}
		}
	}

	private Node additive() {
		Node left = multiplicative();
		while (peek().is("+") || peek().is("-")) {
			String operator = next().text();
			left = new Ast.Binary(operator, left, multiplicative());
		}
		return left;
	}

	private Node multiplicative() {
		Node left = power();
		while (peek().is("*") || peek().is("/") || peek().is("%")) {
			String operator = next().text();
			left = new Ast.Binary(operator, left, power());
		}
		return left;
	}

	private Node power() {
		Node left = unary();
		if (peek().is("^")) {
			this.position++;
			return new Ast.Binary("^", left, power());
		}
		return left;
	}

	private Node unary() {
		Token token = peek();
		if (this.unaryTest && (token.is("<") || token.is("<=") || token.is(">") || token.is(">=") || token.is("==")
				|| token.is("!="))) {
			this.position++;
			return new Ast.Binary(token.text(), new Ast.Identifier("$"), additive());
		}
		if (token.is("-") || token.is("+") || token.is("!") || token.is("not")) {
			this.position++;
			return new Ast.Unary(token.is("not") ? "!" : token.text(), unary());
		}
		return postfix(primary());
	}

	private Node postfix(Node target) {
		Node node = target;
		while (true) {
			if (peek().is(".") && this.tokens.get(this.position + 1).kind() == Kind.IDENTIFIER) {
				this.position++;
				node = new Ast.Member(node, new Ast.Literal(next().text()));
			}
			else if (peek().is("[")) {
				this.position++;
				Node key = expression();
				expect("]");
				node = new Ast.Member(node, key);
			}
			else {
				return node;
			}
		}
	}

	private Node primary() {
		Token token = next();
		switch (token.kind()) {
			case NUMBER -> {
				return new Ast.Literal(JsonValues.normalize(new BigDecimal(token.text())));
			}
			case STRING -> {
				return new Ast.Literal(token.text());
			}
			case TEMPLATE -> {
				return template(token);
			}
			case IDENTIFIER -> {
				return identifier(token);
			}
			case END -> throw error(token, "unexpected end of expression");
			default -> {
				return operatorPrimary(token);
			}
		}
	}

	private Node identifier(Token token) {
		switch (token.text()) {
			case "true" -> {
				return new Ast.Literal(Boolean.TRUE);
			}
			case "false" -> {
				return new Ast.Literal(Boolean.FALSE);
			}
			case "null" -> {
				return new Ast.Literal(null);
			}
			default -> {
				if (peek().is("(")) {
					this.position++;
					List<Node> arguments = new ArrayList<>();
					if (!peek().is(")")) {
						arguments.add(expression());
						while (peek().is(",")) {
							this.position++;
							arguments.add(expression());
						}
					}
					expect(")");
					if (!Functions.exists(token.text(), arguments.size())) {
						throw error(token, "unknown function " + token.text() + " with " + arguments.size() + " arguments");
					}
					return new Ast.Call(token.text(), List.copyOf(arguments));
				}
				return new Ast.Identifier(token.text());
			}
		}
	}

	private Node operatorPrimary(Token token) {
		if (token.is("(") || token.is("[")) {
			boolean opensClosed = token.is("[");
			if (opensClosed && peek().is("]")) {
				this.position++;
				return new Ast.ArrayLiteral(List.of());
			}
			Node first = expression();
			if (peek().is("..")) {
				this.position++;
				Node high = expression();
				Token close = next();
				if (!close.is("]") && !close.is(")")) {
					throw error(close, "an interval ends with ']' or ')'");
				}
				return new Ast.IntervalLiteral(first, high, opensClosed, close.is("]"));
			}
			if (!opensClosed) {
				expect(")");
				return first;
			}
			List<Node> elements = new ArrayList<>();
			elements.add(first);
			while (peek().is(",")) {
				this.position++;
				if (peek().is("]")) {
					break;
				}
				elements.add(expression());
			}
			expect("]");
			return new Ast.ArrayLiteral(List.copyOf(elements));
		}
		if (token.is("{")) {
			List<Node> keys = new ArrayList<>();
			List<Node> values = new ArrayList<>();
			while (!peek().is("}")) {
				Token key = next();
				keys.add(switch (key.kind()) {
					case STRING, IDENTIFIER, NUMBER -> new Ast.Literal(key.text());
					default -> throw error(key, "an object key is a name or a string");
				});
				expect(":");
				values.add(expression());
				if (peek().is(",")) {
					this.position++;
				}
				else if (!peek().is("}")) {
					throw error(peek(), "expected ',' or '}' in object");
				}
			}
			this.position++;
			return new Ast.ObjectLiteral(List.copyOf(keys), List.copyOf(values));
		}
		throw error(token, "unexpected '" + token.text() + "'");
	}

	private Node template(Token token) {
		String text = token.text();
		List<Node> parts = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			int open = text.indexOf("${", i);
			if (open < 0) {
				parts.add(new Ast.Literal(text.substring(i)));
				break;
			}
			if (open > i) {
				parts.add(new Ast.Literal(text.substring(i, open)));
			}
			int depthInside = 0;
			int close = open + 2;
			while (close < text.length() && (text.charAt(close) != '}' || depthInside > 0)) {
				if (text.charAt(close) == '{') {
					depthInside++;
				}
				else if (text.charAt(close) == '}') {
					depthInside--;
				}
				close++;
			}
			parts.add(parse(text.substring(open + 2, close)));
			i = close + 1;
		}
		return new Ast.Template(List.copyOf(parts));
	}

}
