/**
 * The Performance OS Java SDK: {@link com.performanceos.sdk.PerformanceOsClient} runs the shipped
 * operations ({@link com.performanceos.sdk.Operations}) over HTTP and WebSocket and answers with the
 * types generated from the schema ({@code com.performanceos.sdk.generated.types}).
 */
@NullMarked
package com.performanceos.sdk;

import org.jspecify.annotations.NullMarked;
