package com.performanceos.sdk;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The {@code extensions.cost} of a response: what the operation cost and what is left of the
 * caller's budget (a leaky bucket per tenant and token subject).
 *
 * @param requested the cost estimated before running, taken from the budget
 * @param actual the cost of what the response really holds; the difference is given back
 * @param limit the capacity of the budget
 * @param remaining what is left of it after this operation
 * @param resetAt when the budget has room again; a throttled call is retried then
 */
public record Cost(long requested, long actual, long limit, long remaining, @Nullable Instant resetAt) {
}
