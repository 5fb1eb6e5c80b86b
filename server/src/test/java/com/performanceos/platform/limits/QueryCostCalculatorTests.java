package com.performanceos.platform.limits;

import java.util.List;
import java.util.Map;

import graphql.language.Document;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryCostCalculatorTests {

	private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
			directive @cost(weight: Int!) on FIELD_DEFINITION
			interface Node { id: ID! }
			type Item implements Node { id: ID! name: String! owner: Person! report: String @cost(weight: 7) children(first: Int): ItemConnection! }
			type Person implements Node { id: ID! name: String! }
			type ItemConnection { nodes: [Item!]! totalCount: Int! }
			type Query {
			  items(first: Int, last: Int): ItemConnection!
			  nodes(ids: [ID!]!): [Node]!
			  expensive: Person @cost(weight: 50)
			}
			type Payload { item: Item }
			type Mutation { addItem(name: String!): Payload! }
			"""), RuntimeWiring.MOCKED_WIRING);

	private final QueryCostCalculator calculator = new QueryCostCalculator(SCHEMA);

	@Test
	void objectsCostOneScalarsNothingAndConnectionsMultiplyBySize() {
		// items 1 + 10 x (nodes 1 + owner 1)
		assertThat(requested("{ items(first: 10) { totalCount nodes { id name owner { name } } } }"))
			.isEqualTo(new QueryCost(21, 4));
	}

	@Test
	void nestedConnectionsAskingForTheLargestPagesCostTheMostNotANegativeNumber() {
		// 2^31 x 2^31 x 2^31 overflows a long: the cost saturates instead (found by SchemaFuzzTests, seed 14: an HTTP 500).
		String max = "2147483647";
		assertThat(requested("{ items(first: " + max + ") { nodes { children(first: " + max + ") { nodes { children(first: " + max
				+ ") { nodes { children(first: " + max + ") { nodes { id } } } } } } } } }").requested()).isEqualTo(Integer.MAX_VALUE);
	}

	@Test
	void connectionWithoutSizeCostsTheDefaultPage() {
		assertThat(requested("{ items { nodes { id } } }").requested()).isEqualTo(1 + 20);
		assertThat(requested("{ items(last: 3) { nodes { id } } }").requested()).isEqualTo(1 + 3);
	}

	@Test
	void variablesAndFragmentsArePricedAsExecuted() {
		String query = "query($n: Int) { items(first: $n) { ...page } } fragment page on ItemConnection { nodes { owner { id } } }";
		ExecutableNormalizedOperation operation = normalize(query, Map.of("n", 5));
		assertThat(calculator.requested(operation).requested()).isEqualTo(1 + 5 * 2);
	}

	@Test
	void nodesByIdsMultiplyByTheNumberOfIds() {
		assertThat(requested("{ nodes(ids: [\"a\", \"b\", \"c\"]) { id ... on Item { owner { id } } } }").requested())
			.isEqualTo(3 * (1 + 1));
	}

	@Test
	void costDirectiveOverridesTheOwnWeight() {
		assertThat(requested("{ expensive { name } }").requested()).isEqualTo(50);
		assertThat(requested("{ items(first: 2) { nodes { report } } }").requested()).isEqualTo(1 + 2 * (1 + 7));
	}

	@Test
	void mutationFieldsCostAtLeastTen() {
		assertThat(requested("mutation { a: addItem(name: \"x\") { item { id } } b: addItem(name: \"y\") { item { id } } }")
			.requested()).isEqualTo(2 * (10 + 1));
	}

	@Test
	void depthCountsNestingButNotIntrospection() {
		assertThat(requested("{ items { nodes { owner { name } } } }").depth()).isEqualTo(4);
		assertThat(requested("{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }").depth())
			.isZero();
	}

	@Test
	void actualCostCountsWhatTheResponseHolds() {
		ExecutableNormalizedOperation operation = normalize("{ items(first: 10) { nodes { id owner { name } } } }", Map.of());
		Map<String, Object> data = Map.of("items", Map.of("nodes",
				List.of(Map.of("id", "1", "owner", Map.of("name", "a")), Map.of("id", "2", "owner", Map.of("name", "b")))));
		assertThat(calculator.requested(operation).requested()).isEqualTo(21);
		assertThat(calculator.actual(operation, data)).isEqualTo(1 + 2 * 2);
		assertThat(calculator.actual(operation, null)).isZero();
	}

	private QueryCost requested(String query) {
		return calculator.requested(normalize(query, Map.of()));
	}

	private static ExecutableNormalizedOperation normalize(String query, Map<String, Object> variables) {
		Document document = Parser.parse(query);
		return ExecutableNormalizedOperationFactory.createExecutableNormalizedOperationWithRawVariables(SCHEMA, document,
				null, graphql.execution.RawVariables.of(variables));
	}

}
