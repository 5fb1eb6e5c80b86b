package com.performanceos.rules.engine;

import java.util.List;

/**
 * A rule artifact was refused when it was built: a type error, a cell that does not parse, an
 * overlap in a UNIQUE table, a JDM node kind we do not run. Each problem says where it is.
 */
public final class RuleDefinitionException extends RuntimeException {

	/**
	 * One problem found while building a rule.
	 * @param location where: {@code line 1, column 8}, {@code row 3, column region}, a node name
	 * @param message what is wrong, in a sentence
	 */
	public record Problem(String location, String message) {

		@Override
		public String toString() {
			return this.location + ": " + this.message;
		}

	}

	private final List<Problem> problems;

	public RuleDefinitionException(List<Problem> problems) {
		super(problems.stream().map(Problem::toString).reduce((a, b) -> a + "; " + b).orElse("invalid rule"));
		this.problems = List.copyOf(problems);
	}

	public static RuleDefinitionException of(String location, String message) {
		return new RuleDefinitionException(List.of(new Problem(location, message)));
	}

	public List<Problem> problems() {
		return this.problems;
	}

}
