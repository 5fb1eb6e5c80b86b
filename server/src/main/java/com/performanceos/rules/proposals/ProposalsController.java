package com.performanceos.rules.proposals;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.Caller;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.NodeLoader;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.rules.registry.RuleDrafts;
import com.performanceos.rules.registry.RuleVersion;

/** GraphQL edge of AI proposals: parse, call the service, map to the payload; {@code node(id)} loads proposals too. */
@Controller
class ProposalsController implements NodeLoader {

	private final ProposalService proposals;

	private final ProposalStore store;

	private final RuleDrafts drafts;

	private final TenantDatabase database;

	private final HistoryMiner miner;

	ProposalsController(ProposalService proposals, ProposalStore store, RuleDrafts drafts, TenantDatabase database, HistoryMiner miner) {
		this.proposals = proposals;
		this.miner = miner;
		this.store = store;
		this.drafts = drafts;
		this.database = database;
	}

	@QueryMapping
	Mono<AiProposal> aiProposal(@Argument String id, Caller caller) {
		return Mono.justOrEmpty(GlobalId.decode(id, AiProposal.TYPE_NAME))
			.flatMap(key -> database.run(caller.viewer().tenant(), tx -> store.find(tx.db(), key, false)));
	}

	@QueryMapping
	Mono<Connection<AiProposal>> aiProposals(@Argument @Nullable Integer first, @Argument @Nullable String after, @Argument @Nullable Integer last,
			@Argument @Nullable String before, @Argument @Nullable ProposalStatus status, @Argument @Nullable ProposalKind kind, Caller caller,
			DataFetchingFieldSelectionSet selection) {
		PageRequest page = PageRequest.of(first, after, last, before);
		return database.run(caller.viewer().tenant(), tx -> store.page(tx.db(), page, status, kind, Connection.totalSelected(selection)));
	}

	@Override
	public String typeName() {
		return AiProposal.TYPE_NAME;
	}

	/** Loads in the viewer's tenant only: row-level security hides every other tenant's proposals. */
	@Override
	public Mono<Map<UUID, Object>> load(Viewer viewer, Collection<UUID> keys) {
		return database.run(viewer.tenant(), tx -> store.findAll(tx.db(), keys)).map(found -> {
			Map<UUID, Object> byKey = new LinkedHashMap<>();
			found.forEach(proposal -> byKey.put(proposal.key(), proposal));
			return byKey;
		});
	}

	@MutationMapping
	Mono<MineRules.Payload> mineRulesFromHistory(@Argument MineRules.Input input, Caller caller) {
		return miner.mine(caller.viewer(), input, caller.sourceAddress());
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
	Mono<Map<AiProposal, RuleVersion>> ruleVersion(List<AiProposal> accepted, GraphQLContext context) {
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
			Map<AiProposal, RuleVersion> result = new LinkedHashMap<>();
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
