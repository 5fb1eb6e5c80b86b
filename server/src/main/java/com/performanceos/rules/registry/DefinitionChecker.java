package com.performanceos.rules.registry;

import org.jspecify.annotations.Nullable;

import com.performanceos.rules.engine.RuleDefinitionException;

/**
 * Checks the definition of a kind that another module owns (a commission plan): the registry stores, versions and
 * governs such a rule like any other, and asks its owner whether a definition is valid when a version is saved. A
 * Spring bean of the owning module; one per kind.
 */
public interface DefinitionChecker {

	/** The kind this checker owns. */
	RuleKind kind();

	/**
	 * Checks a definition given as JSON values (maps, lists, strings, decimals, booleans).
	 * @throws RuleDefinitionException naming each problem's location, when the definition is refused
	 */
	void check(@Nullable Object definition);

}
