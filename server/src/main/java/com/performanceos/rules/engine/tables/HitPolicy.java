package com.performanceos.rules.engine.tables;

/**
 * How a decision table turns its matching rules into a result (DMN 1.5, section 8.2.11). With no
 * matching rule, single-hit policies give null, RULE ORDER, OUTPUT ORDER and COLLECT an empty
 * list, COLLECT with SUM, MIN or MAX null (FEEL's {@code sum([])}) and COLLECT with COUNT 0.
 */
public enum HitPolicy {

	/** At most one rule may match; two matching rules are an error. Overlapping rows are refused at build. */
	UNIQUE("U"),
	/** Several rules may match if their outputs are equal; differing outputs are an error. */
	ANY("A"),
	/** The first matching rule in rule order. */
	FIRST("F"),
	/** The matching rule whose outputs come first in the output columns' value lists. */
	PRIORITY("P"),
	/** Every matching rule's outputs, in rule order. */
	RULE_ORDER("R"),
	/** Every matching rule's outputs, by decreasing priority (the output value lists' order), ties in rule order. */
	OUTPUT_ORDER("O"),
	/** Every matching rule's outputs (in rule order here, which DMN's "arbitrary order" allows). */
	COLLECT("C"),
	/** The sum of the single output column over the matching rules. */
	COLLECT_SUM("C+"),
	/** The smallest value of the single output column over the matching rules. */
	COLLECT_MIN("C<"),
	/** The largest value of the single output column over the matching rules. */
	COLLECT_MAX("C>"),
	/** How many rules matched. */
	COLLECT_COUNT("C#");

	private final String symbol;

	HitPolicy(String symbol) {
		this.symbol = symbol;
	}

	/** The DMN notation in the table's corner ({@code U}, {@code C+}, ...). */
	public String symbol() {
		return this.symbol;
	}

	public static HitPolicy fromSymbol(String text) {
		for (HitPolicy policy : values()) {
			if (policy.symbol.equals(text) || policy.name().equals(text) || policy.name().replace('_', ' ').equals(text)) {
				return policy;
			}
		}
		throw new IllegalArgumentException("unknown hit policy '" + text + "'");
	}

	boolean aggregates() {
		return this == COLLECT_SUM || this == COLLECT_MIN || this == COLLECT_MAX || this == COLLECT_COUNT;
	}

	boolean usesPriority() {
		return this == PRIORITY || this == OUTPUT_ORDER;
	}

}
