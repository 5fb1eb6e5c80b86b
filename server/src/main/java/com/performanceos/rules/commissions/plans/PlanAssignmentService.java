package com.performanceos.rules.commissions.plans;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.security.Viewer;
import com.performanceos.rules.commissions.CommissionsError;
import com.performanceos.rules.commissions.CommissionsErrorCode;
import com.performanceos.rules.registry.PublishedVersions;
import com.performanceos.rules.registry.RuleKind;
import com.performanceos.rules.registry.VersionStatus;

/** Assigns plan versions to reps per period: only a PUBLISHED version of a COMMISSION_PLAN rule pays anyone. */
@Service
public class PlanAssignmentService {

	private final Mutations mutations;

	private final PublishedVersions versions;

	private final Assignments assignments;

	PlanAssignmentService(Mutations mutations, PublishedVersions versions, Assignments assignments) {
		this.mutations = mutations;
		this.versions = versions;
		this.assignments = assignments;
	}

	public Mono<AssignCommissionPlan.Payload> assign(Viewer viewer, AssignCommissionPlan.Input input, @Nullable String sourceAddress) {
		List<CommissionsError> invalid = input.validate();
		Optional<UUID> key = PublishedVersions.versionKey(input.planVersionId());
		if (key.isEmpty()) {
			invalid = List.of(CommissionsError.at(CommissionsErrorCode.PLAN_NOT_FOUND, "No plan version with this id", "planVersionId"));
		}
		if (!invalid.isEmpty()) {
			return Mono.just(AssignCommissionPlan.Payload.failed(invalid));
		}
		return mutations.once(viewer.tenant(), tx -> versions.versions(tx, List.of(key.get())).flatMap(found -> {
			if (found.isEmpty()) {
				return Mono.just(Outcome.rejected(AssignCommissionPlan.Payload.failed(List.of(CommissionsError.at(CommissionsErrorCode.PLAN_NOT_FOUND,
						"No plan version with this id", "planVersionId")))));
			}
			var version = found.getFirst();
			if (version.kind() != RuleKind.COMMISSION_PLAN) {
				return Mono.just(Outcome.rejected(AssignCommissionPlan.Payload.failed(List.of(CommissionsError.at(
						CommissionsErrorCode.NOT_A_COMMISSION_PLAN, "The version is a " + version.kind() + ", not a COMMISSION_PLAN", "planVersionId")))));
			}
			if (version.status() != VersionStatus.PUBLISHED) {
				return Mono.just(Outcome.rejected(AssignCommissionPlan.Payload.failed(List.of(CommissionsError.at(
						CommissionsErrorCode.PLAN_NOT_PUBLISHED, "The version is " + version.status() + ": only a PUBLISHED plan pays", "planVersionId")))));
			}
			List<String> reps = input.reps().stream().map(String::strip).toList();
			return assignments.assign(tx, input.period(), reps, version.key(), viewer.subject())
				.map(count -> Outcome.committed(new AssignCommissionPlan.Payload(count.intValue(), List.of()), new AuditEntry(viewer.subject(),
						"commissions.plan.assigned", "RuleVersion", version.id(), sourceAddress, null,
						Map.of("period", input.period(), "reps", reps, "version", version.number()))));
		}));
	}

}
