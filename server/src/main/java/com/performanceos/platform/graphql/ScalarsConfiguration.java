package com.performanceos.platform.graphql;

import graphql.scalars.ExtendedScalars;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Binds the schema's scalars: graphql-java-extended-scalars where one exists, our own Decimal. */
@Configuration(proxyBeanMethods = false)
class ScalarsConfiguration {

	@Bean
	RuntimeWiringConfigurer scalarsWiring() {
		return wiring -> wiring.scalar(ExtendedScalars.Date)
			.scalar(DateTimeScalar.create())
			.scalar(ExtendedScalars.Currency)
			.scalar(ExtendedScalars.GraphQLLong)
			.scalar(ExtendedScalars.Json)
			.scalar(DecimalScalar.create());
	}

}
