package com.performanceos.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import com.performanceos.ledger.receivables.ReceivablesFixtures;
import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.TestServices;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, point 5: an escalation webhook must not turn the server into a scanner of its own network. Without an
 * allowlist (the default), a URL whose host is or resolves to an internal address is refused when the rule is created
 * and when a notification is sent, with one message whatever the address and whatever happens behind it. The name
 * resolving to loopback is {@code localhost}; {@code DestinationsTests} covers names answered by a test resolver.
 */
class WebhookEgressTests extends IntegrationTest {

	private static final String SECRET = "whsec-0123456789abcdef";

	private static WireMockServer receiver;

	@BeforeAll
	static void startReceiver() {
		receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
		receiver.start();
		// A listening port that would answer: the refusal must not depend on what is behind the address.
		receiver.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(405)));
	}

	@AfterAll
	static void stopReceiver() {
		receiver.stop();
	}

	private static List<String> internalUrls() {
		int port = receiver.port();
		return List.of("http://127.0.0.1:" + port + "/hook", "http://127.0.0.1:1/closed", "http://10.0.0.1/hook",
				"http://169.254.169.254/latest/meta-data/", "http://[::1]:" + port + "/hook", "http://localhost:" + port + "/hook",
				"http://[::ffff:127.0.0.1]:" + port + "/hook", "http://[fd00:ec2::254]/hook", "http://0.0.0.0:" + port + "/hook",
				"http://2130706433:" + port + "/hook", "https://192.168.1.1/hook", "http://100.64.0.1/hook");
	}

	@Test
	void rulesWithAnInternalWebhookAreRefusedAtCreationWithOneMessageForEveryAddress() {
		GraphQlTester admin = graphQl(newTenant("egress-create"), Role.ADMIN);
		Set<String> messages = new LinkedHashSet<>();
		for (String url : internalUrls()) {
			GraphQlTester.Response response = admin.documentName("receivablesCreateEscalationRule")
				.variable("input", ruleInput(url))
				.execute();
			response.path("createEscalationRule.rule").valueIsNull()
				.path("createEscalationRule.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
				.path("createEscalationRule.userErrors[0].field").entityList(String.class).containsExactly("input", "webhookUrl");
			messages.add(response.path("createEscalationRule.userErrors[0].message").entity(String.class).get());
		}
		assertThat(messages).containsExactly("webhookUrl must be a public http or https URL");
		assertThat(receiver.findAll(anyRequestedFor(anyUrl()))).isEmpty();
		// A public address literal is accepted (nothing is resolved or called at creation).
		admin.documentName("receivablesCreateEscalationRule").variable("input", ruleInput("http://93.184.216.34/hook"))
			.execute()
			.path("createEscalationRule.userErrors").entityList(Object.class).hasSize(0);
	}

	@Test
	void aStoredInternalWebhookIsRefusedAtSendTimeWithOneMessageForEveryAddress() throws Exception {
		String tenant = newTenant("egress-send");
		GraphQlTester finance = graphQl(tenant, Role.FINANCE);
		new ReceivablesFixtures(finance).invoice("CUSTOMER", "E1", "C-VINS", "SUD-OUEST", "2026-04-01", "2026-05-01", "8000",
				"EUR");
		finance.documentName("receivablesCreateEscalationRule").variable("input", ruleInput("http://93.184.216.34/hook"))
			.execute()
			.path("createEscalationRule.userErrors").entityList(Object.class).hasSize(0);
		// As if the rule had been stored before the guard existed, or its name had been made to resolve elsewhere since.
		int attempt = 0;
		for (String url : internalUrls()) {
			execute("UPDATE ledger_escalation_rule SET webhook_url = ? WHERE tenant_id = ?", url, tenant);
			execute("UPDATE ledger_escalation_notification SET url = ?, next_attempt_at = clock_timestamp() WHERE tenant_id = ?",
					url, tenant);
			finance.documentName("receivablesRunEscalations").variable("input", Map.of("asOf", "2026-06-30")).execute()
				.path("runEscalations.deliveredNotificationCount").entity(Integer.class).isEqualTo(0)
				.path("runEscalations.pendingNotificationCount").entity(Integer.class).isEqualTo(1);
			attempt++;
			finance.documentName("receivablesEscalationTasks").execute()
				.path("escalationTasks.nodes[0].notification.status").entity(String.class).isEqualTo("PENDING")
				.path("escalationTasks.nodes[0].notification.attempts").entity(Integer.class).isEqualTo(attempt)
				.path("escalationTasks.nodes[0].notification.lastError").entity(String.class).isEqualTo("Delivery failed");
		}
		assertThat(receiver.findAll(anyRequestedFor(anyUrl()))).as("nothing reached the internal receiver").isEmpty();
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

	private static void execute(String sql, String... parameters) throws SQLException {
		try (Connection connection = TestServices.shared().superuserConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setString(i + 1, parameters[i]);
			}
			statement.executeUpdate();
		}
	}

}
