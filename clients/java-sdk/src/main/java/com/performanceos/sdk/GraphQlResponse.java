package com.performanceos.sdk;

import org.jspecify.annotations.Nullable;

/**
 * A successful response: the typed result of the operation's root field with what it cost.
 *
 * @param <T> the generated type of the root field
 * @param data the root field's value
 * @param cost the response's {@code extensions.cost}, when the server sent one
 * @param traceId the {@code X-Trace-Id} of the last attempt
 * @param attempts how many HTTP exchanges it took (throttling retries and persisted-query registration count)
 */
public record GraphQlResponse<T>(T data, @Nullable Cost cost, @Nullable String traceId, int attempts) {
}
