package com.performanceos.tenders.opendata;

import java.util.List;

import com.performanceos.tenders.contracts.Contract;

/** A record failed its published schema: the export stops and nothing is sent. */
final class InvalidOpenDataException extends RuntimeException {

	private final transient Contract contract;

	private final List<String> problems;

	InvalidOpenDataException(Contract contract, List<String> problems) {
		super("Contract " + contract.openDataId() + " fails the published schema: " + String.join("; ", problems));
		this.contract = contract;
		this.problems = List.copyOf(problems);
	}

	Contract contract() {
		return contract;
	}

	/** Each failing field as "JSON pointer: message", the pointer within the exported document. */
	List<String> problems() {
		return problems;
	}

}
