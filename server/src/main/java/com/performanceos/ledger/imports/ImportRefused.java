package com.performanceos.ledger.imports;

import java.util.List;

/**
 * Thrown while applying when a check that validation already passed fails anyway (another writer
 * changed the ledger meanwhile, e.g. closed a period): the apply transaction rolls back and the
 * import fails with these problems.
 */
final class ImportRefused extends RuntimeException {

	private final transient List<ImportProblem> problems;

	ImportRefused(List<ImportProblem> problems) {
		super(problems.size() + " problems while applying", null, false, false);
		this.problems = List.copyOf(problems);
	}

	List<ImportProblem> problems() {
		return problems;
	}

}
