package com.performanceos.platform.graphql;

import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;

import com.performanceos.platform.security.Viewer;

/**
 * Who is calling, resolved once per request from the GraphQL context: the authenticated viewer,
 * the network address the request came from (audited with every change) and the trace id of the
 * response. Controllers take one {@code Caller} parameter instead of a context value each.
 *
 * @param viewer the authenticated caller and its tenant
 * @param sourceAddress the caller's network address, when the transport knows it
 * @param traceId the id that the response's errors and the logs carry
 */
public record Caller(Viewer viewer, @Nullable String sourceAddress, String traceId) {

	/** The caller of the request this context belongs to; the security filter has put its viewer there. */
	public static Caller of(GraphQLContext context) {
		Viewer viewer = context.get(Viewer.CONTEXT_KEY);
		if (viewer == null) {
			throw new IllegalStateException("No viewer in the GraphQL context: the request bypassed authentication");
		}
		return new Caller(viewer, context.get(RequestContextInterceptor.SOURCE_ADDRESS_KEY), RequestContextInterceptor.traceId(context));
	}

}
