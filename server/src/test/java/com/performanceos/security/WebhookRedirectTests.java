package com.performanceos.security;

import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

import com.performanceos.ledger.receivables.ReceivablesFixtures;
import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A receiver the operator allows (here 127.0.0.1, as an on-premise receiver would be) cannot send the
 * server on to an address that is not allowed by answering with a redirect: redirects are not
 * followed, the delivery fails with the usual message, and the address behind the redirect (another
 * loopback address, 127.0.0.2, or the cloud metadata address) receives nothing. The allowlist opens
 * only what it names: the metadata address stays refused at creation.
 */
@TestPropertySource(properties = "performanceos.egress.allowed-destinations=127.0.0.1/32")
class WebhookRedirectTests extends IntegrationTest {

	private static final String SECRET = "whsec-0123456789abcdef";

	private static WireMockServer allowed;

	private static WireMockServer internal;

	@BeforeAll
	static void startReceivers() {
		internal = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.2"));
		internal.start();
		internal.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)));
		allowed = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
		allowed.start();
		allowed.stubFor(post(urlEqualTo("/to-internal"))
			.willReturn(aResponse().withStatus(307).withHeader("Location", "http://127.0.0.2:" + internal.port() + "/hook")));
		allowed.stubFor(post(urlEqualTo("/to-metadata"))
			.willReturn(aResponse().withStatus(302).withHeader("Location", "http://169.254.169.254/latest/meta-data/")));
	}

	@AfterAll
	static void stopReceivers() {
		allowed.stop();
		internal.stop();
	}

	@Test
	void aRedirectFromAnAllowedReceiverIsNotFollowed() {
		for (String path : new String[] { "/to-internal", "/to-metadata" }) {
			GraphQlTester finance = graphQl(newTenant("egress-redirect"), Role.FINANCE);
			new ReceivablesFixtures(finance).invoice("CUSTOMER", "R1", "C-REDIR", "SUD-OUEST", "2026-04-01", "2026-05-01", "8000", "EUR");
			finance.documentName("receivablesCreateEscalationRule").variable("input", ruleInput("http://127.0.0.1:" + allowed.port() + path))
				.execute()
				.path("createEscalationRule.userErrors").entityList(Object.class).hasSize(0);
			finance.documentName("receivablesRunEscalations").variable("input", Map.of("asOf", "2026-06-30")).execute()
				.path("runEscalations.deliveredNotificationCount").entity(Integer.class).isEqualTo(0)
				.path("runEscalations.pendingNotificationCount").entity(Integer.class).isEqualTo(1);
			finance.documentName("receivablesEscalationTasks").execute()
				.path("escalationTasks.nodes[0].notification.status").entity(String.class).isEqualTo("PENDING")
				.path("escalationTasks.nodes[0].notification.lastError").entity(String.class).isEqualTo("Delivery failed");
			allowed.verify(postRequestedFor(urlEqualTo(path)));
		}
		assertThat(internal.findAll(anyRequestedFor(anyUrl()))).as("nothing followed the redirect").isEmpty();
	}

	@Test
	void theAllowlistOpensOnlyWhatItNames() {
		GraphQlTester admin = graphQl(newTenant("egress-allowlist"), Role.ADMIN);
		for (String url : new String[] { "http://169.254.169.254/latest/meta-data/", "http://127.0.0.2:" + internal.port() + "/hook",
				"http://10.0.0.1/hook", "http://[::1]/hook" }) {
			admin.documentName("receivablesCreateEscalationRule").variable("input", ruleInput(url))
				.execute()
				.path("createEscalationRule.userErrors[0].message").entity(String.class).isEqualTo("webhookUrl must be a public http or https URL");
		}
	}

	private static Map<String, Object> ruleInput(String url) {
		Map<String, Object> input = new HashMap<>();
		input.put("idempotencyKey", "rule-" + url);
		input.put("name", "Relances");
		input.put("kind", "CUSTOMER");
		input.put("minDaysOverdue", 30);
		input.put("minOpenAmount", "5000");
		input.put("currency", "EUR");
		input.put("owner", "alice@pme-exemple.fr");
		input.put("webhookUrl", url);
		input.put("webhookSecret", SECRET);
		return input;
	}

}
