package com.performanceos.platform.limits;

import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.preparsed.persisted.ApolloPersistedQuerySupport;
import io.micrometer.core.instrument.MeterRegistry;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * Wires the limits into graphql-java: the pricing instrumentation (picked up by Spring Boot as an
 * {@code Instrumentation} bean), execution strategies that admit an operation through the client's
 * bucket, automatic persisted queries backed by Redis, and the interceptor that reports the cost.
 */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

	@Bean
	LeakyBucket costBucket(RedissonClient redisson, LimitsProperties limits) {
		return new LeakyBucket(redisson, limits);
	}

	@Bean
	CostInstrumentation costInstrumentation(LimitsProperties limits) {
		return new CostInstrumentation(limits);
	}

	/** Loads the SDKs' operations once the schema is built: one that no longer validates stops start-up. */
	@Bean
	SmartInitializingSingleton trustedOperationsLoader(CostInstrumentation instrumentation, GraphQlSource source) {
		return () -> instrumentation.trust(TrustedOperations.load(source.schema()));
	}

	@Bean
	InFlightFetches.Tracking inFlightFetchTracking() {
		return new InFlightFetches.Tracking();
	}

	@Bean
	ResultSizeLimit resultSizeLimit(LimitsProperties limits, MeterRegistry meters) {
		return new ResultSizeLimit(limits, meters);
	}

	@Bean
	CostInterceptor costInterceptor(LeakyBucket bucket, LimitsProperties limits, MeterRegistry meters) {
		return new CostInterceptor(bucket, limits, meters);
	}

	@Bean
	ExecutionDeadline executionDeadline(LimitsProperties limits, MeterRegistry meters) {
		return new ExecutionDeadline(limits, meters);
	}

	@Bean
	GraphQlSourceBuilderCustomizer limitsGraphQlCustomizer(LeakyBucket bucket, RedissonClient redisson,
			LimitsProperties limits, ObjectProvider<DataFetcherExceptionResolver> exceptionResolvers,
			ObjectProvider<DynamicCost> dynamicCosts) {
		// The same handler Spring GraphQL gives graphql-java's default strategies, built from the same resolvers.
		DataFetcherExceptionHandler exceptionHandler = DataFetcherExceptionResolver
			.createExceptionHandler(exceptionResolvers.orderedStream().toList());
		Admission admission = new Admission(bucket, dynamicCosts.orderedStream().toList(), limits.maxQueryCost());
		return builder -> builder.configureGraphQl(graphQl -> graphQl
			.queryExecutionStrategy(new AdmittedExecutionStrategies.Query(exceptionHandler, admission))
			.mutationExecutionStrategy(new AdmittedExecutionStrategies.Mutation(exceptionHandler, admission))
			.subscriptionExecutionStrategy(new AdmittedExecutionStrategies.Subscription(exceptionHandler, admission))
			.preparsedDocumentProvider(new DocumentCache(new ApolloPersistedQuerySupport(new RedisPersistedQueryCache(redisson, limits)),
					limits.persistedQueryMaxSize().toBytes(), limits.maxExpandedFields())));
	}

}
