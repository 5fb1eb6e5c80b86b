package com.performanceos.platform.limits;

import graphql.normalized.ExecutableNormalizedOperation;
import org.jspecify.annotations.Nullable;

import com.performanceos.platform.security.Viewer;

/**
 * The cost accounting of one request, shared through the GraphQL context between the interceptor
 * that reports it, the instrumentation that prices the operation and the execution strategy that
 * admits it. A request executes on one logical flow at a time, so plain volatile fields suffice.
 */
final class CostLedger {

	static final String CONTEXT_KEY = CostLedger.class.getName();

	/** How the request fared against the limits. */
	enum Outcome {

		/** Not priced: it never reached execution (unreadable document, validation errors). */
		NOT_PRICED,
		/** Priced and executed. */
		ACCEPTED,
		/** Priced over the cost or depth limit, not executed. */
		REFUSED,
		/** The client's bucket had no room for it, not executed. */
		THROTTLED

	}

	private volatile @Nullable Viewer client;

	private volatile @Nullable QueryCost requested;

	private volatile @Nullable ExecutableNormalizedOperation operation;

	private volatile @Nullable Integer actual;

	private volatile int dynamic;

	private volatile Outcome outcome = Outcome.NOT_PRICED;

	private volatile LeakyBucket.@Nullable Outcome bucket;

	@Nullable Viewer client() {
		return client;
	}

	void client(@Nullable Viewer client) {
		this.client = client;
	}

	@Nullable QueryCost requested() {
		return requested;
	}

	void priced(QueryCost cost, ExecutableNormalizedOperation operation) {
		this.requested = cost;
		this.operation = operation;
	}

	/** The cost once the database-priced fields are weighed ({@link DynamicCost}); {@code dynamic} is their part. */
	void repriced(QueryCost cost, int dynamic) {
		this.requested = cost;
		this.dynamic = dynamic;
	}

	/** What the database-priced fields added: spent once they ran, whatever the response holds. */
	int dynamic() {
		return dynamic;
	}

	@Nullable ExecutableNormalizedOperation operation() {
		return operation;
	}

	void refused() {
		this.outcome = Outcome.REFUSED;
	}

	void admitted(LeakyBucket.Outcome bucket) {
		this.outcome = Outcome.ACCEPTED;
		this.bucket = bucket;
	}

	void throttled(LeakyBucket.Outcome bucket) {
		this.outcome = Outcome.THROTTLED;
		this.bucket = bucket;
	}

	Outcome outcome() {
		return outcome;
	}

	LeakyBucket.@Nullable Outcome bucket() {
		return bucket;
	}

	@Nullable Integer actual() {
		return actual;
	}

	void actual(int actual) {
		this.actual = actual;
	}

}
