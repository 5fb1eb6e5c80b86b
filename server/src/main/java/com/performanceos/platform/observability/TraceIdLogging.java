package com.performanceos.platform.observability;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;
import org.springframework.context.annotation.Configuration;

import com.performanceos.platform.web.TraceIdWebFilter;

/**
 * Makes the request's trace id, which {@link TraceIdWebFilter} puts in the Reactor context, reach
 * the SLF4J MDC of whatever thread runs the request's code, so every log line written for a request
 * carries it (a {@code traceId} field in the structured formats).
 * <p>
 * Reactive code hops threads, so a plain MDC entry set by the filter would be lost or, worse, leak
 * into another request. Instead the trace id is registered as a thread-local that Micrometer's
 * context propagation copies from the Reactor context around each operator when
 * {@code spring.reactor.context-propagation=auto} (which calls
 * {@code Hooks.enableAutomaticContextPropagation()}), and around Spring GraphQL's exception
 * resolvers when they are thread-local context aware.
 */
@Configuration(proxyBeanMethods = false)
class TraceIdLogging {

	TraceIdLogging() {
		register();
	}

	/** Registers the accessor; registering again replaces the previous one with the same key. */
	static void register() {
		String key = TraceIdWebFilter.TRACE_ID_KEY;
		ContextRegistry.getInstance().registerThreadLocalAccessor(key, () -> MDC.get(key), value -> MDC.put(key, value),
				() -> MDC.remove(key));
	}

}
