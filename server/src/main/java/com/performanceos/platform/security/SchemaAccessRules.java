package com.performanceos.platform.security;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLDirectiveContainer;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLImplementingType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;
import org.springframework.security.access.AccessDeniedException;

/**
 * The schema's authorisation rules, read from {@code @auth(roles:)} and {@code @authenticated} on
 * fields and types, and enforced by wrapping each restricted field's data fetcher. A field's own
 * rule wins over its type's. The schema refuses to build if any field of an object type has no
 * rule at all: access is denied by default, never granted by omission.
 */
public final class SchemaAccessRules extends GraphQLTypeVisitorStub {

	/** Roles of a rule; empty means any authenticated caller of the tenant. */
	private final Map<String, Set<Role>> typeRules = new ConcurrentHashMap<>();

	private final List<String> fieldsWithoutRule = new ArrayList<>();

	@Override
	public TraversalControl visitGraphQLObjectType(GraphQLObjectType type, TraverserContext<GraphQLSchemaElement> context) {
		if (type.getName().startsWith("__")) {
			return TraversalControl.CONTINUE;
		}
		ruleOf(type).ifPresent(roles -> typeRules.put(type.getName(), roles));
		GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
		for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
			Optional<Set<Role>> rule = ruleOf(field).or(() -> ruleOf(type)).or(() -> interfaceRule(type, field));
			if (rule.isEmpty()) {
				synchronized (fieldsWithoutRule) {
					fieldsWithoutRule.add(type.getName() + "." + field.getName());
				}
				continue;
			}
			if (!rule.get().isEmpty()) {
				FieldCoordinates coordinates = FieldCoordinates.coordinates(type, field);
				DataFetcher<?> original = registry.getDataFetcher(coordinates, field);
				registry.dataFetcher(coordinates, guard(original, rule.get()));
			}
		}
		return TraversalControl.CONTINUE;
	}

	/** Fields of object types that carry no rule; the schema must not be served while any exist. */
	public List<String> fieldsWithoutRule() {
		synchronized (fieldsWithoutRule) {
			return List.copyOf(fieldsWithoutRule);
		}
	}

	/** Whether the viewer may read objects of the named type at all (used by {@code node(id)}). */
	public boolean canRead(Viewer viewer, String typeName) {
		Set<Role> roles = typeRules.get(typeName);
		return roles == null || roles.isEmpty() || viewer.hasAnyRole(roles);
	}

	private static Optional<Set<Role>> interfaceRule(GraphQLImplementingType type, GraphQLFieldDefinition field) {
		return type.getInterfaces()
			.stream()
			.map(GraphQLFieldsContainer.class::cast)
			.filter(declaring -> declaring.getFieldDefinition(field.getName()) != null)
			.map(declaring -> ruleOf(declaring.getFieldDefinition(field.getName())).or(() -> ruleOf((GraphQLDirectiveContainer) declaring)))
			.flatMap(Optional::stream)
			.findFirst();
	}

	static Optional<Set<Role>> ruleOf(GraphQLDirectiveContainer element) {
		GraphQLAppliedDirective auth = element.getAppliedDirective("auth");
		if (auth != null) {
			List<?> names = auth.getArgument("roles").getValue();
			Set<Role> roles = EnumSet.noneOf(Role.class);
			for (Object name : names) {
				roles.add(Role.valueOf(name.toString()));
			}
			if (roles.isEmpty()) {
				throw new IllegalStateException("@auth(roles: []) on " + describe(element)
						+ " grants nobody; use @authenticated for any caller");
			}
			return Optional.of(roles);
		}
		if (element.getAppliedDirective("authenticated") != null) {
			return Optional.of(Set.of());
		}
		return Optional.empty();
	}

	private static String describe(GraphQLDirectiveContainer element) {
		return element instanceof GraphQLNamedType named ? named.getName() : element.getName();
	}

	/** A guard that keeps what Spring GraphQL and graphql-java read off the guarded fetcher. */
	private static DataFetcher<?> guard(DataFetcher<?> original, Set<Role> roles) {
		return switch (original) {
			case TrivialDataFetcher<?> trivial -> new AuthorizingTrivialDataFetcher(trivial, roles);
			case SelfDescribingDataFetcher<?> described -> new AuthorizingSelfDescribingDataFetcher(described, roles);
			default -> new AuthorizingDataFetcher(original, roles);
		};
	}

	private static Object authorized(DataFetcher<?> delegate, Set<Role> roles, DataFetchingEnvironment environment) throws Exception {
		Viewer viewer = environment.getGraphQlContext().get(Viewer.CONTEXT_KEY);
		if (viewer == null || !viewer.hasAnyRole(roles)) {
			throw new AccessDeniedException("Requires one of the roles " + roles);
		}
		return delegate.get(environment);
	}

	private record AuthorizingDataFetcher(DataFetcher<?> delegate, Set<Role> roles) implements DataFetcher<Object> {

		@Override
		public Object get(DataFetchingEnvironment environment) throws Exception {
			return authorized(delegate, roles, environment);
		}

	}

	/**
	 * The guard of a controller method. It still describes the method, so Spring GraphQL's schema
	 * inspection sees it, and still says whether it uses a DataLoader, so a {@code @BatchMapping}
	 * field is observed once per batch rather than once per parent (1,800 times for a cube's
	 * {@code account}).
	 */
	private record AuthorizingSelfDescribingDataFetcher(SelfDescribingDataFetcher<?> delegate, Set<Role> roles)
			implements SelfDescribingDataFetcher<Object> {

		@Override
		public Object get(DataFetchingEnvironment environment) throws Exception {
			return authorized(delegate, roles, environment);
		}

		@Override
		public String getDescription() {
			return delegate.getDescription();
		}

		@Override
		public ResolvableType getReturnType() {
			return delegate.getReturnType();
		}

		@Override
		public Map<String, ResolvableType> getArguments() {
			return delegate.getArguments();
		}

		@Override
		public @Nullable Method asMethod() {
			return delegate.asMethod();
		}

		@Override
		public boolean usesDataLoader() {
			return delegate.usesDataLoader();
		}

	}

	/**
	 * The guard of a field read straight off its parent (a record accessor, a map entry). It stays
	 * trivial, as graphql-java and Spring GraphQL understand the word: no per-field observation and
	 * no context-propagating decorator, which on a list of 1,800 cube cells of 7 fields each cost
	 * more than the engine's own query (bench/README.md, cube benchmark).
	 */
	private record AuthorizingTrivialDataFetcher(DataFetcher<?> delegate, Set<Role> roles) implements TrivialDataFetcher<Object> {

		@Override
		public Object get(DataFetchingEnvironment environment) throws Exception {
			return authorized(delegate, roles, environment);
		}

	}

}
