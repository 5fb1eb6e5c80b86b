package com.performanceos.platform.security;

import java.util.List;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Applies the schema's {@code @auth} rules and refuses to serve a schema with an unguarded field. */
@Configuration(proxyBeanMethods = false)
class SchemaAuthorizationConfiguration {

	@Bean
	SchemaAccessRules schemaAccessRules() {
		return new SchemaAccessRules();
	}

	@Bean
	GraphQlSourceBuilderCustomizer schemaAuthorization(SchemaAccessRules rules) {
		return builder -> builder.typeVisitors(List.of(rules)).configureGraphQl(graphQl -> {
			List<String> unguarded = rules.fieldsWithoutRule();
			if (!unguarded.isEmpty()) {
				throw new IllegalStateException(
						"Every field needs @auth(roles: [...]) or @authenticated on itself or its type; missing on "
								+ unguarded);
			}
		});
	}

}
