package com.performanceos.rules.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

	private static RuleVersion approvedBy(String approver) {
		return new RuleVersion(UUID.randomUUID(), UUID.randomUUID(), RuleKind.EXPRESSION, 3, VersionStatus.APPROVED, "{}", "sha", List.of(),
				"alice", RuleOrigin.HUMAN, null, null, "note", LocalDate.of(2026, 1, 1), null, null, Instant.EPOCH, approver, null, null);
	}

	private static DutySeparation apart(DutySeparation.Duty first, DutySeparation.Duty second) {
		return DutySeparation.of(List.of(new DutySeparation.Pair(first, second)), true, "admin", Instant.EPOCH);
	}

	@Test
	void eachIncompatiblePairRefusesTheSecondDutyToWhoeverHoldsTheFirst() {
		DutySeparation approverPublisher = apart(DutySeparation.Duty.PUBLISHER, DutySeparation.Duty.APPROVER);
		assertThat(Transition.PUBLISH.check(approvedBy("bob"), "bob", approverPublisher))
			.extracting(Transition.Refusal::code).isEqualTo(RulesErrorCode.SEPARATION_OF_DUTIES);
		assertThat(Transition.PUBLISH.check(approvedBy("bob"), "carol", approverPublisher)).isNull();
		assertThat(Transition.PUBLISH.check(approvedBy("bob"), "alice", approverPublisher)).isNull();

		DutySeparation authorPublisher = apart(DutySeparation.Duty.AUTHOR, DutySeparation.Duty.PUBLISHER);
		assertThat(Transition.PUBLISH.check(approvedBy("bob"), "alice", authorPublisher))
			.extracting(Transition.Refusal::message).asString().contains("author").contains("publisher");
		assertThat(Transition.PUBLISH.check(approvedBy("bob"), "bob", authorPublisher)).isNull();

		// Whatever the setting, the author never reviews.
		assertThat(authorPublisher.pairs()).contains(DutySeparation.AUTHOR_APPROVER);
		assertThat(Transition.APPROVE.check(version(VersionStatus.IN_REVIEW), "alice", authorPublisher))
			.extracting(Transition.Refusal::code).isEqualTo(RulesErrorCode.SEPARATION_OF_DUTIES);
	}

	@Test
	void dutyPairsAreStoredInCanonicalOrderAndAPairOfOneDutyIsRefused() {
		assertThat(DutySeparation.parse("publisher:approver, AUTHOR-APPROVER")).containsExactly(
				new DutySeparation.Pair(DutySeparation.Duty.APPROVER, DutySeparation.Duty.PUBLISHER), DutySeparation.AUTHOR_APPROVER);
		assertThat(apart(DutySeparation.Duty.PUBLISHER, DutySeparation.Duty.APPROVER).text()).isEqualTo("AUTHOR:APPROVER,APPROVER:PUBLISHER");
		assertThatThrownBy(() -> DutySeparation.parse("AUTHOR:AUTHOR"))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
