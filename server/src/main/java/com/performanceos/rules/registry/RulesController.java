package com.performanceos.rules.registry;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.events.EventCodec;
import com.performanceos.platform.events.EventStream;
import com.performanceos.platform.events.LiveEventConsumer;
import com.performanceos.platform.graphql.Caller;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.NodeLoader;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.security.Viewer;
import com.performanceos.rules.engine.JsonValues;
import com.performanceos.rules.engine.tables.TableCsv;

/** GraphQL edge of the rules registry: parse, call the registry, map to the payload. */
@Controller
class RulesController implements LiveEventConsumer {

	private final RuleRegistry registry;

	private final RuleQueries queries;

	private final EventStream events;

	private final EventCodec codec;

	RulesController(RuleRegistry registry, RuleQueries queries, EventStream events, EventCodec codec) {
		this.registry = registry;
		this.queries = queries;
		this.events = events;
		this.codec = codec;
	}

	@SubscriptionMapping
	Flux<RuleChangedEvent> ruleChanged(@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return codec.received(events, viewer.tenant(), RuleChanged.class).concatMap(received -> {
			UUID key = received.event().versionKey();
			return queries.versions(viewer, List.of(key))
				.flatMap(found -> Mono.justOrEmpty(found.get(key)))
				.map(version -> new RuleChangedEvent(received.id().toString(), received.event().change(), version, received.occurredAt()));
		});
	}

	@Override
	public Set<Class<?>> liveEventRecords() {
		return Set.of(RuleChanged.class);
	}

	/** The schema's {@code RuleChangedEvent}. */
	record RuleChangedEvent(String eventId, String change, RuleVersion version, java.time.Instant occurredAt) {
	}

	@QueryMapping
	Mono<Connection<Rule>> rules(@Argument @Nullable Integer first, @Argument @Nullable String after, @Argument @Nullable Integer last,
			@Argument @Nullable String before, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return queries.rules(viewer, PageRequest.of(first, after, last, before));
	}

	@QueryMapping
	Mono<Connection<RuleHistoryEntry>> ruleHistory(@Argument String ruleId, @Argument @Nullable OffsetDateTime from,
			@Argument @Nullable OffsetDateTime to, @Argument @Nullable Integer first, @Argument @Nullable String after,
			@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return queries.history(viewer, ruleId, from == null ? null : from.toInstant(), to == null ? null : to.toInstant(),
				PageRequest.of(first, after, null, null));
	}

	@QueryMapping
	Mono<EvaluateRule.Payload> evaluateRule(@Argument EvaluateRule.Input input, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return queries.evaluate(viewer, input);
	}

	@QueryMapping
	Mono<Connection<RuleEvaluationRecord>> ruleEvaluations(@Argument String ruleId, @Argument @Nullable Integer versionNumber,
			@Argument @Nullable OffsetDateTime from, @Argument @Nullable OffsetDateTime to, @Argument @Nullable Integer first,
			@Argument @Nullable String after, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return queries.evaluations(viewer, ruleId, versionNumber, from == null ? null : from.toInstant(), to == null ? null : to.toInstant(),
				PageRequest.of(first, after, null, null));
	}

	@BatchMapping(typeName = "RuleEvaluationRecord", field = "version")
	Mono<Map<RuleEvaluationRecord, RuleVersion>> evaluationVersion(List<RuleEvaluationRecord> records, GraphQLContext context) {
		Set<UUID> keys = new LinkedHashSet<>();
		records.forEach(record -> keys.add(record.versionKey()));
		return queries.versions(viewer(context), keys).map(found -> {
			Map<RuleEvaluationRecord, RuleVersion> result = new LinkedHashMap<>();
			records.forEach(record -> {
				RuleVersion version = found.get(record.versionKey());
				if (version != null) {
					result.put(record, version);
				}
			});
			return result;
		});
	}

	@QueryMapping
	Mono<RuleDiff.Payload> ruleDiff(@Argument String ruleId, @Argument int fromVersion, @Argument int toVersion,
			@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return queries.diff(viewer, ruleId, fromVersion, toVersion);
	}

	@SchemaMapping(typeName = "RuleDiffPayload", field = "fromText")
	@Nullable String fromText(RuleDiff.Payload diff, @Argument ReadableText.@Nullable Language language) {
		return diff.from() == null ? null : readableText(diff.from(), language);
	}

	@SchemaMapping(typeName = "RuleDiffPayload", field = "toText")
	@Nullable String toText(RuleDiff.Payload diff, @Argument ReadableText.@Nullable Language language) {
		return diff.to() == null ? null : readableText(diff.to(), language);
	}

	@QueryMapping
	Mono<EvaluateRule.TestPayload> testRule(@Argument String versionId, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return queries.test(viewer, versionId);
	}

	@MutationMapping
	Mono<CreateRule.Payload> createRule(@Argument CreateRule.Input input, Caller caller) {
		return registry.createRule(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<CreateRuleVersion.Payload> createRuleVersion(@Argument CreateRuleVersion.Input input,
			Caller caller) {
		return registry.createVersion(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<TransitionRuleVersion.Payload> submitRuleVersion(@Argument TransitionRuleVersion.Input input,
			Caller caller) {
		return registry.transition(caller.viewer(), Transition.SUBMIT, input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<TransitionRuleVersion.Payload> sendBackRuleVersion(@Argument TransitionRuleVersion.Input input,
			Caller caller) {
		return registry.transition(caller.viewer(), Transition.SEND_BACK, input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<TransitionRuleVersion.Payload> approveRuleVersion(@Argument TransitionRuleVersion.Input input,
			Caller caller) {
		return registry.transition(caller.viewer(), Transition.APPROVE, input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<TransitionRuleVersion.Payload> publishRuleVersion(@Argument TransitionRuleVersion.Input input,
			Caller caller) {
		return registry.transition(caller.viewer(), Transition.PUBLISH, input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<TransitionRuleVersion.Payload> retireRuleVersion(@Argument TransitionRuleVersion.Input input,
			Caller caller) {
		return registry.transition(caller.viewer(), Transition.RETIRE, input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<RollbackRule.Payload> rollbackRule(@Argument RollbackRule.Input input, Caller caller) {
		return registry.rollback(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<SetDutySeparation.Payload> setRuleDutySeparation(@Argument SetDutySeparation.Input input,
			Caller caller) {
		return registry.setDutySeparation(caller.viewer(), input, caller.sourceAddress());
	}

	@QueryMapping
	Mono<DutySeparation> ruleDutySeparation(@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return queries.dutySeparation(viewer);
	}

	@MutationMapping
	Mono<RuleExport.Payload> exportRules(Caller caller) {
		return registry.export(caller.viewer(), caller.sourceAddress());
	}

	@BatchMapping(typeName = "Rule", field = "versions")
	Mono<Map<Rule, List<RuleVersion>>> versions(List<Rule> rules, GraphQLContext context) {
		return queries.versionsOfRules(viewer(context), rules.stream().map(Rule::key).toList()).map(byRule -> {
			Map<Rule, List<RuleVersion>> result = new LinkedHashMap<>();
			rules.forEach(rule -> result.put(rule, byRule.getOrDefault(rule.key(), List.of())));
			return result;
		});
	}

	/**
	 * A page of one rule's versions. One query per rule of the enclosing page: that page holds at most 100 rules and
	 * the query cost counts each nested page, so it stays bounded.
	 */
	@SchemaMapping(typeName = "Rule", field = "versionsConnection")
	Mono<Connection<RuleVersion>> versionsConnection(Rule rule, @Argument @Nullable Integer first, @Argument @Nullable String after,
			@Argument @Nullable Integer last, @Argument @Nullable String before, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return queries.versionPage(viewer, rule.key(), PageRequest.of(first, after, last, before));
	}

	@BatchMapping(typeName = "RuleVersion", field = "rule")
	Mono<Map<RuleVersion, Rule>> rule(List<RuleVersion> versions, GraphQLContext context) {
		Set<UUID> keys = new LinkedHashSet<>();
		versions.forEach(version -> keys.add(version.ruleKey()));
		return queries.rules(viewer(context), keys).map(found -> {
			Map<RuleVersion, Rule> result = new LinkedHashMap<>();
			versions.forEach(version -> {
				Rule rule = found.get(version.ruleKey());
				if (rule != null) {
					result.put(version, rule);
				}
			});
			return result;
		});
	}

	@BatchMapping(typeName = "RuleVersion", field = "rollbackOf")
	Mono<Map<RuleVersion, RuleVersion>> rollbackOf(List<RuleVersion> versions, GraphQLContext context) {
		Set<UUID> keys = new LinkedHashSet<>();
		versions.forEach(version -> {
			if (version.rollbackOf() != null) {
				keys.add(version.rollbackOf());
			}
		});
		if (keys.isEmpty()) {
			return Mono.just(Map.of());
		}
		return queries.versions(viewer(context), keys).map(found -> {
			Map<RuleVersion, RuleVersion> result = new LinkedHashMap<>();
			versions.forEach(version -> {
				RuleVersion target = version.rollbackOf() == null ? null : found.get(version.rollbackOf());
				if (target != null) {
					result.put(version, target);
				}
			});
			return result;
		});
	}

	@BatchMapping(typeName = "RuleHistoryEntry", field = "version")
	Mono<Map<RuleHistoryEntry, RuleVersion>> historyVersion(List<RuleHistoryEntry> entries, GraphQLContext context) {
		Set<UUID> keys = new LinkedHashSet<>();
		entries.forEach(entry -> keys.add(entry.versionKey()));
		return queries.versions(viewer(context), keys).map(found -> {
			Map<RuleHistoryEntry, RuleVersion> result = new LinkedHashMap<>();
			entries.forEach(entry -> {
				RuleVersion version = found.get(entry.versionKey());
				if (version != null) {
					result.put(entry, version);
				}
			});
			return result;
		});
	}

	@SchemaMapping(typeName = "RuleVersion", field = "definition")
	Object definition(RuleVersion version) {
		// A stored definition is a JSON object, checked at save: never JSON null.
		return Objects.requireNonNull(JsonValues.parse(version.definitionText()), "stored rule definition");
	}

	@SchemaMapping(typeName = "RuleVersion", field = "definitionCsv")
	@Nullable String definitionCsv(RuleVersion version) {
		return version.kind() == RuleKind.DECISION_TABLE
				? TableCsv.export(TableDefinitions.fromValue(JsonValues.parse(version.definitionText()))) : null;
	}

	@SchemaMapping(typeName = "RuleVersion", field = "readableText")
	String readableText(RuleVersion version, @Argument ReadableText.@Nullable Language language) {
		return ReadableText.render(version.kind(), version.definitionText(), language == null ? ReadableText.Language.EN : language);
	}

	private static Viewer viewer(GraphQLContext context) {
		return context.get(Viewer.CONTEXT_KEY);
	}

	/** {@code node(id)} for rules. */
	@Controller
	static class RuleNodes implements NodeLoader {

		private final RuleQueries queries;

		RuleNodes(RuleQueries queries) {
			this.queries = queries;
		}

		@Override
		public String typeName() {
			return Rule.TYPE_NAME;
		}

		@Override
		public Mono<Map<UUID, Object>> load(Viewer viewer, Collection<UUID> keys) {
			return queries.rules(viewer, keys).map(Map::<UUID, Object>copyOf);
		}

	}

	/** {@code node(id)} for versions. */
	@Controller
	static class RuleVersionNodes implements NodeLoader {

		private final RuleQueries queries;

		RuleVersionNodes(RuleQueries queries) {
			this.queries = queries;
		}

		@Override
		public String typeName() {
			return RuleVersion.TYPE_NAME;
		}

		@Override
		public Mono<Map<UUID, Object>> load(Viewer viewer, Collection<UUID> keys) {
			return queries.versions(viewer, keys).map(Map::<UUID, Object>copyOf);
		}

	}

}
