package com.performanceos.rules.commissions.shadow;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.graphql.Caller;
import com.performanceos.platform.graphql.Money;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.rules.commissions.approval.ApprovalErrorCode;
import com.performanceos.rules.commissions.approval.CommissionApprovalError;
import com.performanceos.rules.registry.PublishedVersions;

/**
 * GraphQL edge of the shadow calculation: a plan version's latest difference, and FINANCE's approval of it. The
 * approval is separated from authorship: the version's author never approves its difference.
 */
@Controller
class ShadowController {

	private final ShadowStore store;

	private final PublishedVersions versions;

	private final TenantDatabase database;

	private final Mutations mutations;

	ShadowController(ShadowStore store, PublishedVersions versions, TenantDatabase database, Mutations mutations) {
		this.store = store;
		this.versions = versions;
		this.database = database;
		this.mutations = mutations;
	}

	@QueryMapping
	Mono<ShadowDiff> commissionShadowDiff(@Argument String versionId, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return PublishedVersions.versionKey(versionId).map(key -> database.run(viewer.tenant(), tx -> store.latest(tx, key))).orElse(Mono.empty());
	}

	@MutationMapping
	Mono<ApproveShadowDiff.Payload> approveCommissionShadowDiff(@Argument ApproveShadowDiff.Input input, Caller caller) {
		Viewer viewer = caller.viewer();
		return Mutations.unlessInvalid(input.validate(), ApproveShadowDiff.Payload::failed, () -> {
			Optional<UUID> key = PublishedVersions.versionKey(input.versionId());
			if (key.isEmpty()) {
				return Mono.just(failed(ApprovalErrorCode.NOT_FOUND, "No plan version with this id"));
			}
			return mutations.once(viewer.tenant(), tx -> versions.versions(tx, List.of(key.get())).flatMap(found -> {
				if (found.isEmpty()) {
					return Mono.just(Outcome.rejected(failed(ApprovalErrorCode.NOT_FOUND, "No plan version with this id")));
				}
				if (found.getFirst().author().equals(viewer.subject())) {
					return Mono.just(Outcome.rejected(failed(ApprovalErrorCode.SEPARATION_OF_DUTIES,
							"You wrote this version: another person approves the difference it makes")));
				}
				return store.latestBlocked(tx, key.get())
					.flatMap(blocked -> store.approve(tx, blocked.key(), viewer.subject(), input.justification().strip())
						.map(approved -> Outcome.committed(new ApproveShadowDiff.Payload(approved, List.of()), audit(viewer, input, approved,
								caller.sourceAddress()))))
					.switchIfEmpty(Mono.fromSupplier(() -> Outcome.rejected(failed(ApprovalErrorCode.NOTHING_TO_APPROVE,
							"This version has no shadow difference waiting for approval"))));
			}));
		});
	}

	private static AuditEntry audit(Viewer viewer, ApproveShadowDiff.Input input, ShadowDiff approved, @Nullable String sourceAddress) {
		return new AuditEntry(viewer.subject(), ApproveShadowDiff.AUDIT_ACTION, "RuleVersion", input.versionId(), sourceAddress,
				Map.of("status", ShadowCalculation.BLOCKED),
				Map.of("status", approved.status(), "period", approved.period(), "justification", input.justification().strip(),
						"digest", ShadowDiff.digest(approved.versionKey(), approved.period(), approved.reps()),
						"differences", approved.describeAboveThreshold()));
	}

	private static ApproveShadowDiff.Payload failed(ApprovalErrorCode code, String message) {
		return ApproveShadowDiff.Payload.failed(List.of(CommissionApprovalError.at(code, message, "versionId")));
	}

	@SchemaMapping(typeName = "CommissionShadowDiff", field = "versionId")
	String versionId(ShadowDiff diff) {
		return PublishedVersions.versionId(diff.versionKey());
	}

	@SchemaMapping(typeName = "CommissionShadowDiff", field = "threshold")
	Money threshold(ShadowDiff diff) {
		return money(diff.threshold(), diff);
	}

	@SchemaMapping(typeName = "CommissionShadowDiff", field = "maxDifference")
	Money maxDifference(ShadowDiff diff) {
		return money(diff.maxDifference(), diff);
	}

	@SchemaMapping(typeName = "CommissionShadowDiff", field = "reps")
	List<RepView> reps(ShadowDiff diff) {
		return diff.reps().stream().map(rep -> new RepView(rep.rep(), money(rep.before(), diff), money(rep.after(), diff),
				money(rep.difference(), diff))).toList();
	}

	/** The schema's {@code CommissionShadowRep}. */
	record RepView(String rep, Money before, Money after, Money difference) {
	}

	private static Money money(java.math.BigDecimal amount, ShadowDiff diff) {
		return new Money(amount, java.util.Currency.getInstance(diff.currency()));
	}

}
