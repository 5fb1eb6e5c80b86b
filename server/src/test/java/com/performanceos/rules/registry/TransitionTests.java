package com.performanceos.rules.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The lifecycle as the aggregate decides it, without a database. */
class TransitionTests {

	private static RuleVersion version(VersionStatus status) {
		return new RuleVersion(UUID.randomUUID(), UUID.randomUUID(), RuleKind.EXPRESSION, 1, status, "{}", "sha", List.of(), "alice",
				RuleOrigin.HUMAN, null, null, "note", LocalDate.of(2026, 1, 1), null, null, Instant.EPOCH, null, null, null);
	}

	@ParameterizedTest
	@EnumSource(Transition.class)
	void eachStepIsAllowedOnlyFromItsOwnStatus(Transition transition) {
		for (VersionStatus status : VersionStatus.values()) {
			Transition.Refusal refusal = transition.check(version(status), "bob");
			if (status == transition.from()) {
				assertThat(refusal).as("%s from %s", transition, status).isNull();
			}
			else {
				assertThat(refusal).as("%s from %s", transition, status).isNotNull()
					.extracting(Transition.Refusal::code).isEqualTo(RulesErrorCode.ILLEGAL_TRANSITION);
			}
		}
	}

	@Test
	void theAuthorCanSubmitButNeverReviewTheirOwnVersion() {
		assertThat(Transition.SUBMIT.check(version(VersionStatus.DRAFT), "alice")).isNull();
		assertThat(Transition.APPROVE.check(version(VersionStatus.IN_REVIEW), "alice"))
			.extracting(Transition.Refusal::code).isEqualTo(RulesErrorCode.SEPARATION_OF_DUTIES);
		assertThat(Transition.SEND_BACK.check(version(VersionStatus.IN_REVIEW), "alice"))
			.extracting(Transition.Refusal::code).isEqualTo(RulesErrorCode.SEPARATION_OF_DUTIES);
		assertThat(Transition.APPROVE.check(version(VersionStatus.IN_REVIEW), "bob")).isNull();
	}

	@Test
	void onlyVersionsThatWerePublishedAreRollbackTargets() {
		assertThat(List.of(VersionStatus.values())).filteredOn(VersionStatus::wasPublished)
			.containsExactly(VersionStatus.PUBLISHED, VersionStatus.RETIRED);
	}

	@Test
	void aVersionIsInForceOnTheDaysOfItsInterval() {
		RuleVersion open = version(VersionStatus.PUBLISHED);
		assertThat(open.inForceOn(LocalDate.of(2025, 12, 31))).isFalse();
		assertThat(open.inForceOn(LocalDate.of(2026, 1, 1))).isTrue();
		assertThat(open.inForceOn(LocalDate.of(2099, 12, 31))).isTrue();
	}

}
