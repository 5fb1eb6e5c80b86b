package com.performanceos.sdk;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GraphQlDocumentsTests {

	@Test
	void bracesInStringsAndCommentsDoNotEndADefinition() {
		String source = """
				# a comment with a brace }
				query First($filter: String = "}{") {
				  search(text: \"""block } string\""") { id } # another }
				}
				query Second { viewer { tenant } }
				""";

		assertThat(GraphQlDocuments.parse(source)).extracting(GraphQlDocuments.Definition::name)
			.containsExactly("First", "Second");
		assertThat(GraphQlDocuments.extract(source, "Second")).isEqualTo("query Second { viewer { tenant } }");
	}

	@Test
	void fragmentsAreCollectedTransitivelyAndInlineFragmentsIgnored() {
		String source = """
				fragment Unused on Account { code }
				fragment Inner on Account { name }
				fragment Outer on Account { id ...Inner ... on Account { type } }
				query Accounts { accounts { nodes { ...Outer } } }
				""";

		String extracted = GraphQlDocuments.extract(source, "Accounts");

		assertThat(extracted).startsWith("query Accounts").contains("fragment Inner", "fragment Outer")
			.doesNotContain("Unused");
	}

	@Test
	void firstFieldIsTheResponseKeySkippingObjectDefaultsOfVariables() {
		String source = "query Cube($input: CubeInput = {grain: MONTH}) { cube: ledgerCube(input: $input) { rows { net } } }";

		assertThat(GraphQlDocuments.parse(source).get(0).firstField()).isEqualTo("cube");
	}

	@Test
	void unknownOperationOrFragmentIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> GraphQlDocuments.extract("query A { a }", "B"))
			.withMessageContaining("no operation named B");
		assertThatIllegalArgumentException().isThrownBy(() -> GraphQlDocuments.extract("query A { a { ...F } }", "A"))
			.withMessageContaining("no fragment named F");
	}

	@Test
	void unbalancedDocumentIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> GraphQlDocuments.parse("query A { a { b }"))
			.withMessageContaining("Unbalanced");
	}

}
