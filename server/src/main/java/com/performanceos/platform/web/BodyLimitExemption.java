package com.performanceos.platform.web;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * A route that streams its request body to disk and enforces its own, larger size limit (file
 * uploads), so the general request body limit must not refuse it first.
 */
public interface BodyLimitExemption {

	/** Whether the request goes to the exempted route. */
	boolean appliesTo(ServerHttpRequest request);

}
