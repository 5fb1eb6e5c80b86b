package com.performanceos.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Caps on what one client (tenant and token subject) and one tenant may hold open at a time on
 * one server instance: {@code graphql-transport-ws} connections, and live subscriptions over
 * WebSocket and SSE together. A connection over its cap is closed with code 4429; a subscription
 * over its cap is refused with {@code TOO_MANY_SUBSCRIPTIONS}.
 *
 * @param maxConnectionsPerClient WebSocket connections one client may hold open
 * @param maxConnectionsPerTenant WebSocket connections all clients of one tenant may hold open
 * @param maxSubscriptionsPerClient live subscriptions one client may hold
 * @param maxSubscriptionsPerTenant live subscriptions all clients of one tenant may hold
 */
@ConfigurationProperties("performanceos.live")
public record LiveConnectionProperties(@DefaultValue("20") int maxConnectionsPerClient,
		@DefaultValue("500") int maxConnectionsPerTenant, @DefaultValue("100") int maxSubscriptionsPerClient,
		@DefaultValue("2000") int maxSubscriptionsPerTenant) {

	public LiveConnectionProperties {
		if (maxConnectionsPerClient < 1 || maxConnectionsPerTenant < maxConnectionsPerClient || maxSubscriptionsPerClient < 1
				|| maxSubscriptionsPerTenant < maxSubscriptionsPerClient) {
			throw new IllegalArgumentException("performanceos.live: every cap must be positive, and a tenant's at least a client's");
		}
	}

}
