package com.performanceos.ledger.receivables.escalation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.receivables.invoices.Invoice;
import com.performanceos.ledger.receivables.invoices.InvoiceDirectory;
import com.performanceos.platform.graphql.BatchMaps;
import com.performanceos.platform.graphql.Caller;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.NodeLoader;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.security.Viewer;

/** GraphQL edge of escalation rules and tasks; each relation of a page of tasks loads in one query. */
@Controller
class EscalationController implements NodeLoader {

	private final EscalationRuleService rules;

	private final EscalationTaskService tasks;

	private final InvoiceDirectory invoices;

	EscalationController(EscalationRuleService rules, EscalationTaskService tasks, InvoiceDirectory invoices) {
		this.rules = rules;
		this.tasks = tasks;
		this.invoices = invoices;
	}

	@QueryMapping
	Mono<Connection<EscalationRule>> escalationRules(@Argument @Nullable Boolean includeInactive, @Argument @Nullable Integer first,
			@Argument @Nullable String after, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return rules.list(viewer, Boolean.TRUE.equals(includeInactive), PageRequest.of(first, after, null, null));
	}

	@QueryMapping
	Mono<Connection<EscalationTask>> escalationTasks(@Argument EscalationTask.@Nullable Status status, @Argument @Nullable String owner,
			@Argument @Nullable Integer first, @Argument @Nullable String after, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return tasks.list(viewer, new EscalationTaskStore.Filter(status, owner), PageRequest.of(first, after, null, null));
	}

	@MutationMapping
	Mono<EscalationPayloads.Rule> createEscalationRule(@Argument EscalationInputs.CreateRule input, Caller caller) {
		return rules.create(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<EscalationPayloads.Rule> updateEscalationRule(@Argument EscalationInputs.UpdateRule input, Caller caller) {
		return rules.update(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<EscalationPayloads.Rule> deleteEscalationRule(@Argument EscalationInputs.DeleteRule input, Caller caller) {
		return rules.delete(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<EscalationPayloads.Run> runEscalations(@Argument EscalationInputs.Run input, Caller caller) {
		return tasks.run(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<EscalationPayloads.Complete> completeEscalationTask(@Argument EscalationInputs.CompleteTask input, Caller caller) {
		return tasks.complete(caller.viewer(), input, caller.sourceAddress());
	}

	@BatchMapping(typeName = "EscalationTask", field = "rule")
	Mono<Map<EscalationTask, EscalationRule>> rule(List<EscalationTask> page, GraphQLContext context) {
		return BatchMaps.toOne(page, EscalationTask::ruleKey, keys -> rules.load(context.get(Viewer.CONTEXT_KEY), keys));
	}

	@BatchMapping(typeName = "EscalationTask", field = "invoice")
	Mono<Map<EscalationTask, Invoice>> invoice(List<EscalationTask> page, GraphQLContext context) {
		return BatchMaps.toOne(page, EscalationTask::invoiceKey, keys -> invoices.load(context.get(Viewer.CONTEXT_KEY), keys));
	}

	@BatchMapping(typeName = "EscalationTask", field = "notification")
	Mono<Map<EscalationTask, EscalationNotification>> notification(List<EscalationTask> page, GraphQLContext context) {
		return BatchMaps.toOne(page, EscalationTask::key, keys -> tasks.notificationsOf(context.get(Viewer.CONTEXT_KEY), keys));
	}

	@Override
	public String typeName() {
		return EscalationRule.TYPE_NAME;
	}

	@Override
	public Mono<Map<UUID, Object>> load(Viewer viewer, Collection<UUID> keys) {
		return rules.load(viewer, keys).map(Map::<UUID, Object>copyOf);
	}

}
