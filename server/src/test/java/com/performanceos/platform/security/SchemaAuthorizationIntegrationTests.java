package com.performanceos.platform.security;

import java.util.ArrayList;
import java.util.List;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaAuthorizationIntegrationTests extends IntegrationTest {

	@Autowired
	GraphQlSource graphQlSource;

	@Test
	void everyFieldOfTheServedSchemaHasAnAuthorisationRule() {
		GraphQLSchema schema = graphQlSource.schema();
		List<String> unguarded = new ArrayList<>();
		int checked = 0;
		for (GraphQLType type : schema.getAllTypesAsList()) {
			if (type instanceof GraphQLObjectType object && !object.getName().startsWith("__")) {
				for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
					checked++;
					if (SchemaAccessRules.ruleOf(field).or(() -> SchemaAccessRules.ruleOf(object)).isEmpty()
							&& !declaredByAGuardedInterface(object, field)) {
						unguarded.add(object.getName() + "." + field.getName());
					}
				}
			}
		}
		assertThat(checked).as("fields inspected").isGreaterThan(20);
		assertThat(unguarded).as("fields without @auth or @authenticated").isEmpty();
	}

	@Test
	void callerWithoutAllowedRoleIsForbiddenAndGetsNoData() {
		graphQl(newTenant("forbidden"), Role.REP).document("{ accounts(first: 5) { totalCount } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
	}

	private static boolean declaredByAGuardedInterface(GraphQLObjectType object, GraphQLFieldDefinition field) {
		return object.getInterfaces().stream()
			.map(graphql.schema.GraphQLInterfaceType.class::cast)
			.filter(declaring -> declaring.getFieldDefinition(field.getName()) != null)
			.anyMatch(declaring -> SchemaAccessRules.ruleOf(declaring.getFieldDefinition(field.getName()))
				.or(() -> SchemaAccessRules.ruleOf(declaring)).isPresent());
	}

}
