package com.performanceos.ledger.bank;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The aggregator's webhook route. It carries no bearer token (the aggregator is not a user of any
 * tenant), so it has its own security chain, ordered before the main one, that lets it through to the
 * handler, which authenticates every delivery by its HMAC signature instead.
 */
@Configuration(proxyBeanMethods = false)
class BankAggregatorConfiguration {

	/** The tenant is in the path: the aggregator is given this URL for the connections of that tenant. */
	static final String WEBHOOK_PATH = "/webhooks/bank-aggregator/{tenant}";

	@Bean
	WebhookSignature bankAggregatorWebhookSignature(BankAggregatorProperties properties,
			@Value("${performanceos.data-dir:./data}") Path dataDirectory) {
		Path file = properties.webhookSecretFile() != null ? properties.webhookSecretFile()
				: dataDirectory.resolve("identity").resolve("bank-aggregator-webhook.secret");
		return new WebhookSignature(WebhookSecret.load(properties.webhookSecret(), file), properties.maxTimestampAge());
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 10)
	SecurityWebFilterChain bankAggregatorWebhookSecurity(ServerHttpSecurity http) {
		return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, WEBHOOK_PATH))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
			.build();
	}

	@Bean
	RouterFunction<ServerResponse> bankAggregatorWebhookRouter(AggregatorWebhook webhook) {
		return RouterFunctions.route().POST(WEBHOOK_PATH, webhook::receive).build();
	}

}
