package com.performanceos.testsupport;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.execution.SchemaReport;
import reactor.core.publisher.Mono;

import com.performanceos.rules.commissions.approval.RunSubmissionGuard;

/**
 * What the integration tests observe of the running server beyond its responses: the SQL
 * statements each tenant's requests create ({@link SqlStatementCounter}) and Spring GraphQL's
 * schema-inspection report, which the server otherwise only logs at start-up.
 */
@TestConfiguration(proxyBeanMethods = false)
public class IntegrationInstrumentation {

	/** Tenants named from this prefix (see {@link IntegrationTest#newTenant}) have a critical anomaly in every run. */
	public static final String ANOMALOUS_RUNS_TENANT = "anomalous-runs";

	/**
	 * A run submission guard for the approval's tests, standing in for the anomaly detection: one critical anomaly for
	 * every run of an {@link #ANOMALOUS_RUNS_TENANT} tenant, none for any other tenant.
	 */
	@Bean
	RunSubmissionGuard criticalAnomalyOfMarkedTenants() {
		return (tx, runKey) -> Mono.just(tx.tenant().startsWith(ANOMALOUS_RUNS_TENANT + "-") ? List.of("Deal D-1 is counted twice") : List.of());
	}

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
