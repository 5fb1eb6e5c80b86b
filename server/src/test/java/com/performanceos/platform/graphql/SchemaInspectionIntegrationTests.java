package com.performanceos.platform.graphql;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.SchemaReport;

import com.performanceos.testsupport.IntegrationInstrumentation.SchemaInspection;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring GraphQL's schema inspection of the served schema reports nothing: every field has a
 * controller method or a property behind it, every controller mapping names a schema field, every
 * argument of a mapping exists in the schema, and no type was skipped for want of a Java type. A
 * renamed record component or a forgotten {@code @SchemaMapping} fails here instead of answering
 * null in production.
 */
class SchemaInspectionIntegrationTests extends IntegrationTest {

	@Autowired
	private SchemaInspection inspection;

	@Test
	void theSchemaInspectionReportIsEmpty() {
		SchemaReport report = inspection.report();
		assertThat(report.schema().getQueryType().getFieldDefinitions()).as("the report inspected the served schema").isNotEmpty();
		assertThat(report.unmappedFields()).as("schema fields with no data fetcher").isEmpty();
		assertThat(report.unmappedRegistrations()).as("data fetchers registered for no schema field").isEmpty();
		assertThat(report.unmappedArguments()).as("controller arguments the schema does not declare").isEmpty();
		assertThat(report.fieldNullnessErrors()).as("fields whose Java nullness contradicts the schema").isEmpty();
		assertThat(report.argumentNullnessErrors()).as("arguments whose Java nullness contradicts the schema").isEmpty();
		assertThat(report.skippedTypes()).as("types the inspection could not check").isEmpty();
	}

}
