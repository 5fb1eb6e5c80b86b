package com.performanceos.sdk;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnmodifiedType;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped operations fit the schema and the generated types they are read into. */
class OperationsTests {

	private static GraphQLSchema schema;

	@BeforeAll
	static void loadSchema() throws IOException, URISyntaxException {
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		for (Path file : files("/schema", ".graphqls")) {
			registry.merge(new SchemaParser().parse(Files.readString(file)));
		}
		schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
	}

	@Test
	void everyShippedOperationIsValidAgainstTheSchema() {
		for (Operation<?> operation : shipped()) {
			List<ValidationError> errors = new Validator().validateDocument(schema, Parser.parse(operation.document()),
					Locale.ENGLISH);
			assertThat(errors).as(operation.name()).isEmpty();
		}
	}

	@Test
	void everyShippedOperationIsReadIntoTheGeneratedTypeOfItsRootField() {
		for (Operation<?> operation : shipped()) {
			Document document = Parser.parse(operation.document());
			OperationDefinition definition = document.getDefinitionsOfType(OperationDefinition.class).get(0);
			graphql.language.Field root = (graphql.language.Field) definition.getSelectionSet().getSelections().get(0);
			GraphQLObjectType rootType = switch (operation.kind()) {
				case QUERY -> schema.getQueryType();
				case MUTATION -> schema.getMutationType();
				case SUBSCRIPTION -> schema.getSubscriptionType();
			};
			GraphQLFieldDefinition field = rootType.getFieldDefinition(root.getName());
			GraphQLUnmodifiedType type = GraphQLTypeUtil.unwrapAll(field.getType());
			assertThat(operation.resultType().getSimpleName()).as(operation.name()).isEqualTo(type.getName());
			assertThat(operation.rootField()).isEqualTo(root.getResultKey());
			assertThat(operation.kind().name()).isEqualTo(definition.getOperation().name());
		}
	}

	@Test
	void everyOperationOfApiSchemaOperationsIsShipped() throws IOException, URISyntaxException {
		Set<String> inFiles = new TreeSet<>();
		for (Path file : files("/com/performanceos/sdk/operations", ".graphql")) {
			GraphQlDocuments.parse(Files.readString(file)).stream()
				.filter(definition -> !definition.keyword().equals("fragment"))
				.forEach(definition -> inFiles.add(definition.name()));
		}
		Set<String> shipped = new TreeSet<>();
		shipped().forEach(operation -> shipped.add(operation.name()));
		assertThat(shipped).isEqualTo(inFiles);
	}

	@Test
	void anOperationCarriesOnlyTheFragmentsItUses() {
		assertThat(Operations.CREATE_ACCOUNT.document()).startsWith("mutation CreateAccount(")
			.contains("fragment AccountFields on Account")
			.doesNotContain("query Accounts")
			.doesNotContain("subscription");
		assertThat(Operations.VIEWER.document()).doesNotContain("fragment");
		assertThat(Operations.CREATE_ACCOUNT.sha256()).hasSize(64).isNotEqualTo(Operations.ACCOUNTS.sha256());
	}

	private static List<Operation<?>> shipped() {
		List<Operation<?>> operations = new ArrayList<>();
		for (Field field : Operations.class.getFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == Operation.class) {
				try {
					operations.add((Operation<?>) field.get(null));
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		assertThat(operations).hasSizeGreaterThanOrEqualTo(10);
		return operations;
	}

	private static List<Path> files(String resource, String suffix) throws IOException, URISyntaxException {
		Path directory = Path.of(OperationsTests.class.getResource(resource).toURI());
		try (Stream<Path> files = Files.list(directory)) {
			List<Path> result = files.filter(file -> file.toString().endsWith(suffix)).sorted().toList();
			assertThat(result).as(suffix + " files in " + directory).isNotEmpty();
			return result;
		}
	}

}
