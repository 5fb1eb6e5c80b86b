package com.performanceos.rules.registry;

/** What a rule's definition is, and so which engine evaluates it. */
public enum RuleKind {

	/** A CEL expression over declared, typed inputs. */
	EXPRESSION,
	/** A decision table with a DMN hit policy, cells in ZEN's unary-test language. */
	DECISION_TABLE,
	/** A JDM decision graph (GoRules' model). */
	DECISION_GRAPH,
	/**
	 * A sales commission plan; its definition is checked by the module that computes commissions (a
	 * {@link DefinitionChecker}), and it is applied by calculation runs rather than by {@code evaluateRule}.
	 */
	COMMISSION_PLAN

}
