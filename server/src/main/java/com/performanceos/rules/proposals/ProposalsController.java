package com.performanceos.rules.proposals;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.Caller;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.rules.registry.RuleDrafts;
import com.performanceos.rules.registry.RuleVersion;

/** GraphQL edge of AI proposals: parse, call the service, map to the payload. */
@Controller
class ProposalsController {

	private final ProposalService proposals;

	private final ProposalStore store;

	private final RuleDrafts drafts;

	private final TenantDatabase database;

	ProposalsController(ProposalService proposals, ProposalStore store, RuleDrafts drafts, TenantDatabase database) {
		this.proposals = proposals;
		this.store = store;
		this.drafts = drafts;
		this.database = database;
	}

	@QueryMapping
	Mono<Proposal> aiProposal(@Argument String id, Caller caller) {
		return Mono.justOrEmpty(GlobalId.decode(id, Proposal.TYPE_NAME))
			.flatMap(key -> database.run(caller.viewer().tenant(), tx -> store.find(tx.db(), key, false)));
	}

	@MutationMapping
	Mono<ProposePlan.Payload> proposePlan(@Argument ProposePlan.Input input, Caller caller) {
		return proposals.proposePlan(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<DecideProposal.Payload> acceptProposal(@Argument DecideProposal.AcceptInput input, Caller caller) {
		return proposals.accept(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<DecideProposal.Payload> rejectProposal(@Argument DecideProposal.RejectInput input, Caller caller) {
		return proposals.reject(caller.viewer(), input, caller.sourceAddress());
	}

	@BatchMapping(typeName = "AiProposal", field = "ruleVersion")
	Mono<Map<Proposal, RuleVersion>> ruleVersion(List<Proposal> accepted, GraphQLContext context) {
		Set<UUID> keys = new LinkedHashSet<>();
		accepted.forEach(proposal -> {
			if (proposal.ruleVersionKey() != null) {
				keys.add(proposal.ruleVersionKey());
			}
		});
		if (keys.isEmpty()) {
			return Mono.just(Map.of());
		}
		return database.run(Caller.of(context).viewer().tenant(), tx -> drafts.versions(tx, keys)).map(versions -> {
			Map<UUID, RuleVersion> byKey = new LinkedHashMap<>();
			versions.forEach(version -> byKey.put(version.key(), version));
			Map<Proposal, RuleVersion> result = new LinkedHashMap<>();
			accepted.forEach(proposal -> {
				@Nullable RuleVersion version = proposal.ruleVersionKey() == null ? null : byKey.get(proposal.ruleVersionKey());
				if (version != null) {
					result.put(proposal, version);
				}
			});
			return result;
		});
	}

}
