package com.performanceos.testsupport;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.execution.SchemaReport;

/**
 * What the integration tests observe of the running server beyond its responses: the SQL
 * statements each tenant's requests create ({@link SqlStatementCounter}) and Spring GraphQL's
 * schema-inspection report, which the server otherwise only logs at start-up.
 */
@TestConfiguration(proxyBeanMethods = false)
public class IntegrationInstrumentation {

	@Bean
	static SqlStatementCounter sqlStatementCounter() {
		return new SqlStatementCounter();
	}

	@Bean
	SchemaInspection schemaInspection() {
		return new SchemaInspection();
	}

	@Bean
	GraphQlSourceBuilderCustomizer schemaReportCapture(SchemaInspection inspection) {
		return builder -> builder.inspectSchemaMappings(inspection.report::set);
	}

	/** The schema-inspection report of the server's schema, taken when the schema was built. */
	public static final class SchemaInspection {

		private final AtomicReference<SchemaReport> report = new AtomicReference<>();

		public SchemaReport report() {
			SchemaReport taken = report.get();
			if (taken == null) {
				throw new IllegalStateException("The schema was built without inspection");
			}
			return taken;
		}

	}

}
