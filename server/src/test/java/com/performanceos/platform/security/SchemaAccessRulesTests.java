package com.performanceos.platform.security;

import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLSchema;
import graphql.schema.SchemaTraverser;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guards {@link SchemaAccessRules} puts on fields, on a schema of two types: a field read
 * straight off its parent keeps its guard and stays trivial (so no per-field observation or
 * context decorator is added to it), and a controller's guard still describes its method.
 */
class SchemaAccessRulesTests {

	private static final String SDL = """
			directive @auth(roles: [Role!]!) on OBJECT | FIELD_DEFINITION | INTERFACE
			enum Role { ADMIN FINANCE ANALYST }
			type Query @auth(roles: [ADMIN, FINANCE, ANALYST]) { cell: Cell }
			type Cell @auth(roles: [ADMIN, FINANCE, ANALYST]) { amount: String secret: String @auth(roles: [ADMIN]) }
			""";

	@Test
	void fieldsReadOffTheirParentStayTrivialAndControllerMethodsStayDescribed() {
		GraphQLSchema schema = guardedSchema();
		assertThat(schema.getCodeRegistry().getDataFetcher(FieldCoordinates.coordinates("Cell", "amount"),
				schema.getObjectType("Cell").getFieldDefinition("amount"))).isInstanceOf(TrivialDataFetcher.class);
		assertThat(schema.getCodeRegistry().getDataFetcher(FieldCoordinates.coordinates("Query", "cell"),
				schema.getQueryType().getFieldDefinition("cell")))
			.isNotInstanceOf(TrivialDataFetcher.class)
			.isInstanceOfSatisfying(SelfDescribingDataFetcher.class, described -> {
				assertThat(described.getDescription()).isEqualTo("CellController#cell()");
				assertThat(described.usesDataLoader()).isTrue();
				assertThat(described.getReturnType().resolve()).isEqualTo(Map.class);
			});
	}

	@Test
	void aTrivialFieldRefusesACallerWithoutItsRoleAndServesOneWithIt() {
		GraphQL graphQl = GraphQL.newGraphQL(guardedSchema()).build();

		ExecutionResult analyst = execute(graphQl, Role.ANALYST);
		assertThat(analyst.<Map<String, Map<String, Object>>>getData().get("cell")).containsEntry("amount", "12.50")
			.containsEntry("secret", null);
		assertThat(analyst.getErrors()).singleElement().satisfies(error -> {
			assertThat(error.getPath()).containsExactly("cell", "secret");
			assertThat(error.getMessage()).contains("Requires one of the roles [ADMIN]");
		});

		ExecutionResult admin = execute(graphQl, Role.ADMIN);
		assertThat(admin.getErrors()).extracting(GraphQLError::getMessage).isEmpty();
		assertThat(admin.<Map<String, Map<String, Object>>>getData().get("cell")).containsEntry("amount", "12.50")
			.containsEntry("secret", "s3cret");
	}

	@Test
	void aCallerWithoutAnyRoleOfTheTypeGetsNothing() {
		ExecutionResult outsider = execute(GraphQL.newGraphQL(guardedSchema()).build(), Role.REP);
		assertThat(outsider.getErrors()).singleElement().satisfies(error -> assertThat(error.getPath()).containsExactly("cell"));
		assertThat(outsider.<Map<String, Object>>getData()).containsEntry("cell", null);
	}

	private static ExecutionResult execute(GraphQL graphQl, Role role) {
		return graphQl.execute(ExecutionInput.newExecutionInput("{ cell { amount secret } }")
			.graphQLContext(Map.of(Viewer.CONTEXT_KEY, new Viewer("tester", "tenant-a", Set.of(role))))
			.build());
	}

	/** The schema with the rules applied the way Spring GraphQL applies type visitors that edit the code registry. */
	private static GraphQLSchema guardedSchema() {
		RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring().type("Query", type -> type.dataFetcher("cell", new CellController())).build();
		GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
		SchemaAccessRules rules = new SchemaAccessRules();
		GraphQLCodeRegistry.Builder registry = GraphQLCodeRegistry.newCodeRegistry(schema.getCodeRegistry());
		new SchemaTraverser().depthFirstFullSchema(List.of(rules), schema, Map.of(GraphQLCodeRegistry.Builder.class, registry));
		assertThat(rules.fieldsWithoutRule()).isEmpty();
		return schema.transform(builder -> builder.codeRegistry(registry.build()));
	}

	/** Stands for a controller method as Spring GraphQL registers it: described, here as loading through a DataLoader. */
	private static final class CellController implements SelfDescribingDataFetcher<Map<String, String>> {

		@Override
		public Map<String, String> get(DataFetchingEnvironment environment) {
			return Map.of("amount", "12.50", "secret", "s3cret");
		}

		@Override
		public String getDescription() {
			return "CellController#cell()";
		}

		@Override
		public ResolvableType getReturnType() {
			return ResolvableType.forClass(Map.class);
		}

		@Override
		public boolean usesDataLoader() {
			return true;
		}

	}

}
