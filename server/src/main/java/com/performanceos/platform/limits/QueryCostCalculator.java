package com.performanceos.platform.limits;

import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.language.OperationDefinition;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLAppliedDirectiveArgument;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.PageRequest;

/**
 * Prices an operation from its normalized form (fragments expanded, variables applied, the same
 * tree graphql-java executes):
 * <ul>
 * <li>a field of object, interface or union type costs 1, a scalar or enum field 0, and
 * {@code @cost(weight:)} replaces the field's own weight;</li>
 * <li>a mutation field costs at least {@link #MUTATION_MIN_WEIGHT}, since it writes;</li>
 * <li>a field with {@code first}/{@code last} (a connection) costs its own weight plus its page
 * size ({@link PageRequest#DEFAULT_PAGE_SIZE} when neither is given) times its selection;</li>
 * <li>a field with an {@code ids} list argument ({@code nodes(ids:)}) costs the number of ids
 * times its own weight and selection.</li>
 * </ul>
 * The actual cost counts the same weights over the values the response really holds, so a page
 * that returns fewer items than asked costs less and the difference is refunded.
 */
final class QueryCostCalculator {

	static final int MUTATION_MIN_WEIGHT = 10;

	private static final String COST_DIRECTIVE = "cost";

	private final GraphQLSchema schema;

	/**
	 * Own weights (outside a top-level mutation) and children by response key, per field of the
	 * one operation this calculator prices: the actual cost visits a field once per value, 1,800
	 * times for a cube's rows, and the definition and directive lookups behind a weight would
	 * otherwise be repeated as often. Bounded by the operation's size, itself bounded by its depth
	 * and the document size limit.
	 */
	private final Map<ExecutableNormalizedField, Long> weights = new IdentityHashMap<>();

	private final Map<ExecutableNormalizedField, Collection<ExecutableNormalizedField>> childrenByKey = new IdentityHashMap<>();

	QueryCostCalculator(GraphQLSchema schema) {
		this.schema = schema;
	}

	QueryCost requested(ExecutableNormalizedOperation operation) {
		boolean mutation = operation.getOperation() == OperationDefinition.Operation.MUTATION;
		long cost = 0;
		int depth = 0;
		for (ExecutableNormalizedField field : operation.getTopLevelFields()) {
			cost = saturate(cost + requested(field, mutation));
			depth = Math.max(depth, depth(field));
		}
		return new QueryCost(saturate(cost), depth);
	}

	/** The cost of what {@code data} holds, priced with the weights of {@link #requested}. */
	int actual(ExecutableNormalizedOperation operation, @Nullable Object data) {
		if (!(data instanceof Map<?, ?> root)) {
			return 0;
		}
		boolean mutation = operation.getOperation() == OperationDefinition.Operation.MUTATION;
		long cost = 0;
		for (ExecutableNormalizedField field : byResultKey(operation.getTopLevelFields()).values()) {
			if (mutation && root.containsKey(field.getResultKey())) {
				// A mutation that ran did its writes, whether or not its payload came back.
				cost += ownWeight(field, true);
				cost += actualOfChildren(field, root.get(field.getResultKey()));
			}
			else {
				cost += actual(field, root.get(field.getResultKey()));
			}
		}
		return saturate(cost);
	}

	/**
	 * Capped at {@link Integer#MAX_VALUE} at every step (more than any limit lets through): nested connections each asking
	 * for 2,147,483,647 items would otherwise overflow a {@code long} at the third level and come out negative.
	 */
	private long requested(ExecutableNormalizedField field, boolean topLevelMutation) {
		long own = ownWeight(field, topLevelMutation);
		long children = 0;
		for (ExecutableNormalizedField child : field.getChildren()) {
			children = saturate(children + requested(child, false));
		}
		Integer pageSize = pageSize(field);
		if (pageSize != null) {
			return saturate(own + (long) pageSize * children);
		}
		Integer idCount = idCount(field);
		if (idCount != null) {
			return saturate((long) idCount * (own + children));
		}
		return saturate(own + children);
	}

	private long actual(ExecutableNormalizedField field, @Nullable Object value) {
		if (value == null) {
			return 0;
		}
		if (value instanceof Collection<?> items) {
			long cost = 0;
			for (Object item : items) {
				cost += actual(field, item);
			}
			return cost;
		}
		return weights.computeIfAbsent(field, key -> ownWeight(key, false)) + actualOfChildren(field, value);
	}

	private long actualOfChildren(ExecutableNormalizedField field, @Nullable Object value) {
		if (value instanceof Collection<?> items) {
			long cost = 0;
			for (Object item : items) {
				cost += actualOfChildren(field, item);
			}
			return cost;
		}
		if (!(value instanceof Map<?, ?> object)) {
			return 0;
		}
		long cost = 0;
		for (ExecutableNormalizedField child : childrenByKey.computeIfAbsent(field, key -> byResultKey(key.getChildren()).values())) {
			cost += actual(child, object.get(child.getResultKey()));
		}
		return cost;
	}

	private int depth(ExecutableNormalizedField field) {
		// Introspection has a fixed shape, bounded by graphql-java's good-faith introspection check;
		// counting it would refuse GraphiQL's own schema query.
		if (field.getFieldName().startsWith("__")) {
			return 0;
		}
		int deepest = 0;
		for (ExecutableNormalizedField child : field.getChildren()) {
			deepest = Math.max(deepest, depth(child));
		}
		return 1 + deepest;
	}

	private long ownWeight(ExecutableNormalizedField field, boolean topLevelMutation) {
		GraphQLFieldDefinition definition = definition(field);
		Integer declared = declaredWeight(definition);
		long weight = declared != null ? declared
				: GraphQLTypeUtil.unwrapAll(definition.getType()) instanceof GraphQLCompositeType ? 1 : 0;
		return topLevelMutation ? Math.max(weight, MUTATION_MIN_WEIGHT) : weight;
	}

	/**
	 * The field's definition; a field selected on an interface or union stands for the same field
	 * of each possible type, which the schema declares alike.
	 */
	private GraphQLFieldDefinition definition(ExecutableNormalizedField field) {
		return field.getFieldDefinitions(schema).get(0);
	}

	private static @Nullable Integer declaredWeight(GraphQLFieldDefinition definition) {
		GraphQLAppliedDirective cost = definition.getAppliedDirective(COST_DIRECTIVE);
		if (cost == null) {
			return null;
		}
		GraphQLAppliedDirectiveArgument weight = cost.getArgument("weight");
		Object value = weight != null ? weight.getValue() : null;
		return value instanceof Number number ? Math.max(0, number.intValue()) : null;
	}

	private @Nullable Integer pageSize(ExecutableNormalizedField field) {
		GraphQLFieldDefinition definition = definition(field);
		if (definition.getArgument("first") == null && definition.getArgument("last") == null) {
			return null;
		}
		Object first = field.getResolvedArguments().get("first");
		Object last = field.getResolvedArguments().get("last");
		Object size = first != null ? first : last;
		return size instanceof Number number ? Math.max(0, number.intValue()) : PageRequest.DEFAULT_PAGE_SIZE;
	}

	private static @Nullable Integer idCount(ExecutableNormalizedField field) {
		return field.getResolvedArguments().get("ids") instanceof List<?> ids ? ids.size() : null;
	}

	/**
	 * One field per response key: fields on different types of an abstract selection share the key
	 * and only one of them can be in a given object of the response.
	 */
	private static Map<String, ExecutableNormalizedField> byResultKey(List<ExecutableNormalizedField> fields) {
		Map<String, ExecutableNormalizedField> byKey = new LinkedHashMap<>();
		for (ExecutableNormalizedField field : fields) {
			byKey.putIfAbsent(field.getResultKey(), field);
		}
		return byKey;
	}

	private static int saturate(long cost) {
		return (int) Math.min(Integer.MAX_VALUE, cost);
	}

}
