package com.performanceos.tenders.bids;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.Document;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Reading documents for every root field of a schema learnt by introspection, each selecting its type
 * down to the leaves: every field whose arguments can be filled, every possible type of an interface
 * or a union (so {@code node(id:)} is asked as each {@code Node} type), connections with their edges,
 * cursors, page info and counts. Arguments are filled with the fixture's ids (a root field that takes
 * an id is asked once per id) and with plain values for the rest. Nothing here names a field, so a
 * field added later is walked without a change.
 */
final class SchemaWalk {

	/**
	 * The shapes each request is written in, from the widest to the narrowest: page size of a root connection, of a
	 * nested one, and field nesting (the server refuses deeper than 15). The caller sends the widest shape the
	 * server's cost limits accept: nested pages multiply the cost, and a wide type selected to its leaves can pass
	 * the limit of expanded fields.
	 */
	private static final List<Shape> SHAPES = List.of(new Shape(20, 3, 12), new Shape(5, 1, 12), new Shape(1, 1, 8), new Shape(1, 1, 5));

	private record Shape(int rootPage, int nestedPage, int depthMax) {
	}

	private final GraphQLSchema schema;

	private final List<String> ids;

	private Shape shape = SHAPES.getFirst();

	private SchemaWalk(GraphQLSchema schema, List<String> ids) {
		this.schema = schema;
		this.ids = List.copyOf(ids);
	}

	/** A walk over the schema the server described in answer to the standard introspection query. */
	static SchemaWalk fromIntrospection(Map<String, Object> introspectionData, List<String> ids) {
		Document document = new IntrospectionResultToSchema().createSchemaDefinition(introspectionData);
		GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().buildRegistry(document));
		return new SchemaWalk(schema, ids);
	}

	/**
	 * One request of the walk, written in every shape from the widest to the narrowest.
	 *
	 * @param label the root field, the type asked when it returns an interface or a union, and the arguments
	 */
	record Request(String label, List<String> documents) {
	}

	List<Request> queries() {
		return requests("query", schema.getQueryType());
	}

	List<Request> subscriptions() {
		GraphQLObjectType type = schema.getSubscriptionType();
		return type == null ? List.of() : requests("subscription", type);
	}

	private List<Request> requests(String keyword, GraphQLObjectType root) {
		List<Request> requests = new ArrayList<>();
		for (GraphQLFieldDefinition field : root.getFieldDefinitions()) {
			boolean takesId = field.getArguments().stream().anyMatch(argument -> GraphQLTypeUtil.isNonNull(argument.getType())
					&& GraphQLTypeUtil.unwrapAll(argument.getType()).getName().equals("ID"));
			GraphQLType returned = GraphQLTypeUtil.unwrapAll(field.getType());
			// node(id:) and other abstract answers are asked as one type at a time: all at once pass the field limit.
			List<GraphQLObjectType> asked = returned instanceof GraphQLObjectType object ? List.of(object) : possibleTypes(returned);
			for (String id : takesId ? ids : ids.subList(0, 1)) {
				for (GraphQLObjectType type : asked) {
					Map<String, @Nullable Object> arguments = new LinkedHashMap<>();
					List<String> documents = new ArrayList<>();
					for (Shape each : SHAPES) {
						shape = each;
						String call = call(field, id, arguments, true);
						String fields = call == null ? null : fields(type, 1, new HashSet<>(Set.of(type.getName())), "");
						if (fields != null) {
							String selection = type == returned ? " { " + fields + " }" : " { __typename ... on " + type.getName() + " { " + fields + " } }";
							documents.add(keyword + " Walk { " + call + selection + " }");
						}
					}
					if (!documents.isEmpty()) {
						String label = field.getName() + (type == returned ? "" : " as " + type.getName()) + " " + arguments;
						requests.add(new Request(label, documents));
					}
				}
			}
		}
		return requests;
	}

	private List<GraphQLObjectType> possibleTypes(GraphQLType abstractType) {
		return abstractType instanceof GraphQLUnionType union ? union.getTypes().stream().map(GraphQLObjectType.class::cast).toList()
				: schema.getImplementations((GraphQLInterfaceType) abstractType);
	}

	/** The field with its arguments written inline, or null when a required argument cannot be filled. */
	private @Nullable String call(GraphQLFieldDefinition field, String id, Map<String, @Nullable Object> asked, boolean root) {
		List<String> arguments = new ArrayList<>();
		for (GraphQLArgument argument : field.getArguments()) {
			boolean required = GraphQLTypeUtil.isNonNull(argument.getType());
			boolean page = argument.getName().equals("first");
			if (!required && !page) {
				continue;
			}
			Object value = page ? (Object) (root ? shape.rootPage() : shape.nestedPage()) : value(argument.getType(), id, 0);
			if (value == null) {
				return null;
			}
			asked.put(argument.getName(), value);
			arguments.add(argument.getName() + ": " + literal(value, argument.getType()));
		}
		return field.getName() + (arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")");
	}

	/**
	 * The selection of a type down to its leaves: empty for a leaf, null when nothing below can be
	 * selected. A type already on the path is not entered again, which bounds the walk.
	 */
	private @Nullable String selection(GraphQLOutputType type, int depth, Set<String> path) {
		GraphQLType named = GraphQLTypeUtil.unwrapAll(type);
		if (named instanceof GraphQLScalarType || named instanceof GraphQLEnumType) {
			return "";
		}
		String name = ((GraphQLNamedOutputType) named).getName();
		if (depth >= shape.depthMax() || path.contains(name)) {
			return null;
		}
		path.add(name);
		try {
			if (named instanceof GraphQLObjectType object) {
				String fields = fields(object, depth, path, "");
				return fields == null ? null : " { " + fields + " }";
			}
			List<GraphQLObjectType> possible = possibleTypes(named);
			StringBuilder fragments = new StringBuilder(" { __typename");
			for (GraphQLObjectType object : possible) {
				// Aliased by type: fields of the same name but different types would otherwise conflict.
				String fields = fields(object, depth, path, object.getName() + "_");
				if (fields != null) {
					fragments.append(" ... on ").append(object.getName()).append(" { ").append(fields).append(" }");
				}
			}
			return fragments.append(" }").toString();
		}
		finally {
			path.remove(name);
		}
	}

	private @Nullable String fields(GraphQLFieldsContainer container, int depth, Set<String> path, String aliasPrefix) {
		List<String> selected = new ArrayList<>();
		for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
			String call = call(field, ids.getFirst(), new LinkedHashMap<>(), false);
			if (call == null) {
				continue;
			}
			String below = selection(field.getType(), depth + 1, path);
			if (below != null) {
				selected.add((aliasPrefix.isEmpty() ? "" : aliasPrefix + field.getName() + ": ") + call + below);
			}
		}
		return selected.isEmpty() ? null : String.join(" ", selected);
	}

	/** A plain value of an input type, or null when none can be made. */
	private @Nullable Object value(GraphQLInputType type, String id, int depth) {
		GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(type);
		if (unwrapped instanceof GraphQLList list) {
			Object element = value((GraphQLInputType) list.getWrappedType(), id, depth);
			if (element == null) {
				return null;
			}
			return GraphQLTypeUtil.unwrapAll(list).getName().equals("ID") ? List.copyOf(ids) : List.of(element);
		}
		if (unwrapped instanceof GraphQLEnumType enumType) {
			return enumType.getValues().getFirst().getName();
		}
		if (unwrapped instanceof GraphQLInputObjectType input) {
			if (depth > 3) {
				return null;
			}
			Map<String, Object> fields = new LinkedHashMap<>();
			for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
				if (GraphQLTypeUtil.isNonNull(field.getType())) {
					Object value = value(field.getType(), id, depth + 1);
					if (value == null) {
						return null;
					}
					fields.put(field.getName(), value);
				}
			}
			return fields;
		}
		return switch (((GraphQLScalarType) unwrapped).getName()) {
			case "ID" -> id;
			case "Int" -> 1;
			case "Float" -> 1.0;
			case "Boolean" -> false;
			case "Date" -> "2026-06-01";
			case "DateTime" -> "2026-06-01T00:00:00Z";
			case "Decimal" -> "1";
			case "Currency" -> "EUR";
			case "CountryCode" -> "FR";
			case "JSON" -> Map.of();
			default -> "x";
		};
	}

	/** A value written as a GraphQL literal of the given type. */
	private static String literal(Object value, GraphQLInputType type) {
		GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(type);
		if (value instanceof List<?> list) {
			GraphQLInputType element = (GraphQLInputType) ((GraphQLList) unwrapped).getWrappedType();
			return "[" + String.join(", ", list.stream().map(item -> literal(item, element)).toList()) + "]";
		}
		if (value instanceof Map<?, ?> map && unwrapped instanceof GraphQLInputObjectType input) {
			List<String> fields = new ArrayList<>();
			map.forEach((name, field) -> fields.add(name + ": " + literal(field, input.getField((String) name).getType())));
			return "{ " + String.join(", ", fields) + " }";
		}
		if (value instanceof Map<?, ?>) {
			return "{}";
		}
		if (unwrapped instanceof GraphQLEnumType || value instanceof Number || value instanceof Boolean) {
			return String.valueOf(value);
		}
		return "\"" + value + "\"";
	}

}
