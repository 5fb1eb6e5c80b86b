package com.performanceos.platform.limits;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How requests are matched against the shipped operations, on a small schema of the same shape. */
class TrustedOperationsTests {

	private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
			type Query { viewer: Viewer! accounts(first: Int): AccountConnection! }
			type Viewer { tenant: String! subject: String! }
			type AccountConnection { nodes: [Account!]! }
			type Account { id: ID! code: String! name: String! }
			"""), RuntimeWiring.MOCKED_WIRING);

	private final TrustedOperations trusted = TrustedOperations.load(SCHEMA, "classpath*:trusted-operations-test/valid/*.graphql");

	@Test
	void loadsEveryNamedOperationOfTheFiles() {
		assertThat(trusted.names()).containsExactlyInAnyOrder("Other", "TwoFragments");
	}

	@Test
	void whitespaceFragmentOrderAndTypenameSelectionsDoNotMatter() {
		assertThat(trusts("""
				query TwoFragments($first: Int) {
				  accounts(first: $first) { __typename nodes { __typename id ...A } }
				}
				fragment A on Account { __typename code ...B }
				fragment B on Account { name }
				fragment Unused on Account { id }
				""", "TwoFragments")).isTrue();
	}

	@Test
	void anyOtherSelectionArgumentOrNameIsRefused() {
		assertThat(trusts("query Other { viewer { tenant subject } }", "Other")).isFalse();
		assertThat(trusts("query Renamed { viewer { tenant } }", "Renamed")).isFalse();
		assertThat(trusts("query TwoFragments($first: Int) { accounts(first: 100) { nodes { id ...A } } } "
				+ "fragment A on Account { code ...B } fragment B on Account { name }", "TwoFragments")).isFalse();
		// A fragment of the same name with other fields is another operation.
		assertThat(trusts("query TwoFragments($first: Int) { accounts(first: $first) { nodes { id ...A } } } "
				+ "fragment A on Account { code ...B } fragment B on Account { id }", "TwoFragments")).isFalse();
	}

	@Test
	void anOperationThatNoLongerFitsTheSchemaStopsLoading() {
		assertThatThrownBy(() -> TrustedOperations.load(SCHEMA, "classpath*:trusted-operations-test/stale/*.graphql"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("stale.graphql")
			.hasMessageContaining("nickname");
	}

	private boolean trusts(String request, String operationName) {
		Document document = Parser.parse(request);
		OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).stream()
			.filter(candidate -> operationName.equals(candidate.getName()))
			.findFirst()
			.orElseThrow();
		return trusted.trusts(operation, TrustedOperations.fragments(document));
	}

}
