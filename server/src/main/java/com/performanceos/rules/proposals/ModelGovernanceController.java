package com.performanceos.rules.proposals;

import java.util.List;

import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.Caller;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.rules.registry.RuleDrafts;
import com.performanceos.rules.registry.RuleVersion;

/** GraphQL edge of model governance: the tenant's models, the regression replay, approvals and rollback. */
@Controller
class ModelGovernanceController {

	private final ModelGovernance governance;

	private final RuleDrafts drafts;

	private final TenantDatabase database;

	ModelGovernanceController(ModelGovernance governance, RuleDrafts drafts, TenantDatabase database) {
		this.governance = governance;
		this.drafts = drafts;
		this.database = database;
	}

	@QueryMapping
	Mono<ModelGovernance.State> aiModelGovernance(Caller caller) {
		return governance.state(caller.viewer());
	}

	/** At most a few hundred versions (one per accepted proposal), loaded in one statement. */
	@SchemaMapping(typeName = "AiModelGovernance", field = "toRecertify")
	Mono<List<RuleVersion>> toRecertify(ModelGovernance.State state, Caller caller) {
		return state.toRecertify().isEmpty() ? Mono.just(List.of())
				: database.run(caller.viewer().tenant(), tx -> drafts.versions(tx, state.toRecertify()));
	}

	@MutationMapping
	Mono<ModelGovernance.Payload> replayAiModel(Caller caller) {
		return governance.replay(caller.viewer(), caller.sourceAddress());
	}

	@MutationMapping
	Mono<ModelGovernance.Payload> approveAiModelSwitch(Caller caller) {
		return governance.approve(caller.viewer(), caller.sourceAddress());
	}

	@MutationMapping
	Mono<ModelGovernance.Payload> rollbackAiModel(Caller caller) {
		return governance.rollback(caller.viewer(), caller.sourceAddress());
	}

}
