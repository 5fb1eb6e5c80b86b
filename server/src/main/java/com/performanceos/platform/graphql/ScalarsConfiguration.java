package com.performanceos.platform.graphql;

import graphql.execution.instrumentation.Instrumentation;
import graphql.scalars.ExtendedScalars;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * Binds the schema's scalars (graphql-java-extended-scalars where one fits, our own strict Date, DateTime
 * and Decimal) and the checks of string arguments.
 */
@Configuration(proxyBeanMethods = false)
class ScalarsConfiguration {

	@Bean
	RuntimeWiringConfigurer scalarsWiring() {
		return wiring -> wiring.scalar(DateScalar.create())
			.scalar(DateTimeScalar.create())
			.scalar(ExtendedScalars.Currency)
			.scalar(ExtendedScalars.GraphQLLong)
			.scalar(ExtendedScalars.Json)
			.scalar(DecimalScalar.create());
	}

	/** The control-character checks of every string argument (Spring Boot picks up every {@code Instrumentation} bean). */
	@Bean
	Instrumentation argumentCheckInstrumentation() {
		return new ArgumentCheckInstrumentation();
	}

}
