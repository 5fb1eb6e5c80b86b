package com.performanceos.rules.proposals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayGateTests {

	@ParameterizedTest(name = "{1} of {0} differing: {2}")
	@CsvSource({ "0, 0, ACCEPTED", "300, 0, ACCEPTED", "1001, 1, ACCEPTED", "1000, 1, NEEDS_ADMIN", "200, 1, NEEDS_ADMIN",
			"100, 1, NEEDS_ADMIN", "99, 1, NEEDS_ADMIN_AND_FINANCE", "3, 1, NEEDS_ADMIN_AND_FINANCE", "3, 3, NEEDS_ADMIN_AND_FINANCE" })
	void divergenceBelowOneInAThousandIsAcceptedUpToOnePercentNeedsAnAdminAboveNeedsAdminAndFinance(int compared, int differing,
			ReplayGate expected) {
		assertThat(ReplayGate.of(compared, differing)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}: admin {1}, finance {2} -> {3}")
	@CsvSource({ "ACCEPTED, false, false, true", "NEEDS_ADMIN, false, true, false", "NEEDS_ADMIN, true, false, true",
			"NEEDS_ADMIN_AND_FINANCE, true, false, false", "NEEDS_ADMIN_AND_FINANCE, false, true, false",
			"NEEDS_ADMIN_AND_FINANCE, true, true, true" })
	void aGateIsSatisfiedByTheApprovalsItNames(ReplayGate gate, boolean admin, boolean finance, boolean satisfied) {
		assertThat(gate.satisfiedBy(admin, finance)).isEqualTo(satisfied);
	}

}
