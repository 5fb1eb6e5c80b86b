package com.performanceos.ledger.receivables.escalation;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

import com.performanceos.ledger.receivables.ReceivablesFixtures;
import com.performanceos.platform.security.Role;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.testsupport.IntegrationTest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Escalation of CUSTOMER invoices as of 2026-06-30 by the rule "at least 30 days overdue and at
 * least 5,000 EUR open". The webhook receiver is WireMock.
 * <pre>
 *   E1  due 2026-05-01  8,000 EUR               60 days, 8,000 open   escalates
 *   E2  due 2026-06-15  9,000 EUR               15 days               too recent
 *   E3  due 2026-04-01  4,000 EUR               90 days, 4,000 open   too small
 *   E4  due 2026-04-01 12,000 EUR, 7,500 paid   90 days, 4,500 open   too small
 *   E5  due 2026-04-01  9,000 USD                                     other currency
 *   S1  due 2026-04-01 10,000 EUR supplier                            other kind
 * </pre>
 */
// WireMock listens on this machine, which the egress guard refuses unless the operator allows it: as an on-premise
// deployment would for its internal receivers. WebhookEgressTests checks the refusals without this setting.
@TestPropertySource(properties = "performanceos.egress.allowed-destinations=127.0.0.0/8,::1")
class EscalationIntegrationTests extends IntegrationTest {

	private static final String SECRET = "whsec-0123456789abcdef";

	@Autowired
	private TenantDatabase database;

	@Autowired
	private EscalationTaskStore taskStore;

	private static WireMockServer receiver;

	@BeforeAll
	static void startReceiver() {
		receiver = new WireMockServer(options().dynamicPort());
		receiver.start();
	}

	@AfterAll
	static void stopReceiver() {
		receiver.stop();
	}

	@Test
	void createsOneTaskPerRuleAndInvoiceAcrossRunsAndPostsASignedAuditedWebhook() throws Exception {
		String tenant = newTenant("escalation");
		GraphQlTester finance = graphQl(tenant, Role.FINANCE);
		seedInvoices(new ReceivablesFixtures(finance));
		receiver.stubFor(post(urlEqualTo("/hooks/ok")).willReturn(aResponse().withStatus(204)));
		createRule(finance, "/hooks/ok");

		run(finance).path("runEscalations.createdTaskCount").entity(Integer.class).isEqualTo(1)
			.path("runEscalations.deliveredNotificationCount").entity(Integer.class).isEqualTo(1)
			.path("runEscalations.pendingNotificationCount").entity(Integer.class).isEqualTo(0);
		run(finance).path("runEscalations.createdTaskCount").entity(Integer.class).isEqualTo(0)
			.path("runEscalations.deliveredNotificationCount").entity(Integer.class).isEqualTo(0);

		var tasks = finance.documentName("receivablesEscalationTasks").execute();
		tasks.path("escalationTasks.totalCount").entity(Integer.class).isEqualTo(1)
			.path("escalationTasks.nodes[0].invoice.number").entity(String.class).isEqualTo("E1")
			.path("escalationTasks.nodes[0].owner").entity(String.class).isEqualTo("alice@pme-exemple.fr")
			.path("escalationTasks.nodes[0].status").entity(String.class).isEqualTo("OPEN")
			.path("escalationTasks.nodes[0].daysOverdue").entity(Integer.class).isEqualTo(60)
			.path("escalationTasks.nodes[0].openAmount.amount").entity(String.class).isEqualTo("8000.00")
			.path("escalationTasks.nodes[0].notification.status").entity(String.class).isEqualTo("DELIVERED")
			.path("escalationTasks.nodes[0].notification.attempts").entity(Integer.class).isEqualTo(1);
		String taskId = tasks.path("escalationTasks.nodes[0].id").entity(String.class).get();

		List<LoggedRequest> posted = receiver.findAll(postRequestedFor(urlEqualTo("/hooks/ok")));
		assertThat(posted).hasSize(1);
		LoggedRequest request = posted.get(0);
		assertThat(request.getHeader("X-PerformanceOS-Signature")).isEqualTo(hmac(request.getBodyAsString()));
		assertThat(request.getHeader("Content-Type")).startsWith("application/json");
		assertThat(request.getBodyAsString()).contains("\"number\":\"E1\"").contains("\"taskId\":\"" + taskId + "\"");

		GraphQlTester auditor = graphQl(tenant, Role.AUDITOR);
		auditCount(auditor, "ledger.escalation.task.created", 1);
		auditCount(auditor, "ledger.escalation.notification.delivered", 1);

		complete(finance, taskId).path("completeEscalationTask.task.status").entity(String.class).isEqualTo("DONE");
		complete(finance, taskId).path("completeEscalationTask.userErrors[0].code").entity(String.class).isEqualTo("TASK_ALREADY_DONE");
		// A completed task is not recreated: the rule escalated this invoice once.
		run(finance).path("runEscalations.createdTaskCount").entity(Integer.class).isEqualTo(0);
		finance.documentName("receivablesEscalationTasks").variable("status", "OPEN").execute()
			.path("escalationTasks.totalCount").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void aFailedNotificationStaysPendingAndIsDeliveredOnALaterRun() throws Exception {
		String tenant = newTenant("escalation-retry");
		GraphQlTester finance = graphQl(tenant, Role.FINANCE);
		seedInvoices(new ReceivablesFixtures(finance));
		receiver.stubFor(post(urlEqualTo("/hooks/flaky")).willReturn(aResponse().withStatus(503)));
		createRule(finance, "/hooks/flaky");

		run(finance).path("runEscalations.createdTaskCount").entity(Integer.class).isEqualTo(1)
			.path("runEscalations.deliveredNotificationCount").entity(Integer.class).isEqualTo(0)
			.path("runEscalations.pendingNotificationCount").entity(Integer.class).isEqualTo(1);
		finance.documentName("receivablesEscalationTasks").execute()
			.path("escalationTasks.nodes[0].notification.status").entity(String.class).isEqualTo("PENDING")
			.path("escalationTasks.nodes[0].notification.attempts").entity(Integer.class).isEqualTo(1)
			.path("escalationTasks.nodes[0].notification.lastError").entity(String.class).isEqualTo("Delivery failed");
		auditCount(graphQl(tenant, Role.AUDITOR), "ledger.escalation.notification.delivered", 0);

		receiver.stubFor(post(urlEqualTo("/hooks/flaky")).willReturn(aResponse().withStatus(200)));
		run(finance).path("runEscalations.createdTaskCount").entity(Integer.class).isEqualTo(0)
			.path("runEscalations.deliveredNotificationCount").entity(Integer.class).isEqualTo(1)
			.path("runEscalations.pendingNotificationCount").entity(Integer.class).isEqualTo(0);
		finance.documentName("receivablesEscalationTasks").execute()
			.path("escalationTasks.nodes[0].notification.status").entity(String.class).isEqualTo("DELIVERED")
			.path("escalationTasks.nodes[0].notification.attempts").entity(Integer.class).isEqualTo(2);

		List<LoggedRequest> posted = receiver.findAll(postRequestedFor(urlEqualTo("/hooks/flaky")));
		assertThat(posted).hasSize(2);
		// The retry carries the same bytes, the same signature and the same delivery id.
		assertThat(posted.get(1).getBodyAsString()).isEqualTo(posted.get(0).getBodyAsString());
		assertThat(posted.get(1).getHeader("X-PerformanceOS-Signature")).isEqualTo(hmac(posted.get(1).getBodyAsString()));
		assertThat(posted.get(1).getHeader("X-PerformanceOS-Delivery")).isEqualTo(posted.get(0).getHeader("X-PerformanceOS-Delivery"));
		auditCount(graphQl(tenant, Role.AUDITOR), "ledger.escalation.notification.delivered", 1);
	}

	@Test
	void rulesRefuseANonHttpWebhookAndAWebhookWithoutSecret() {
		GraphQlTester finance = graphQl(newTenant("escalation-rules"), Role.FINANCE);
		Map<String, Object> input = ruleInput("ftp://hooks.example.test/x");
		finance.documentName("receivablesCreateEscalationRule").variable("input", input).execute()
			.path("createEscalationRule.rule").valueIsNull()
			.path("createEscalationRule.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
			.path("createEscalationRule.userErrors[0].field").entityList(String.class).containsExactly("input", "webhookUrl");
		Map<String, Object> noSecret = ruleInput("https://hooks.example.test/x");
		noSecret.remove("webhookSecret");
		finance.documentName("receivablesCreateEscalationRule").variable("input", noSecret).execute()
			.path("createEscalationRule.userErrors[0].field").entityList(String.class).containsExactly("input", "webhookSecret");
		graphQl(newTenant("escalation-rep"), Role.REP).documentName("receivablesRunEscalations")
			.variable("input", Map.of("asOf", "2026-06-30")).execute()
			.errors().satisfy(errors -> assertThat(errors).isNotEmpty()
				.allSatisfy(error -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
	}

	/**
	 * Three pages of two overdue invoices each, oldest due first: O1 (escalates), E3 (too small), O2
	 * (escalates), E5 (other currency), O3 and O4 (escalate). A run capped at two tasks takes the two
	 * oldest, the next run skips the pairs that have a task before its cap applies, a third finds none.
	 */
	@Test
	void cappedRunsAcrossPagesOfOverdueInvoicesTakeTheOldestMissingTasksFirst() {
		String tenant = newTenant("escalation-pages");
		GraphQlTester finance = graphQl(tenant, Role.FINANCE);
		ReceivablesFixtures fixtures = new ReceivablesFixtures(finance);
		fixtures.invoice("CUSTOMER", "O1", "C-VINS", "SUD-OUEST", "2026-01-02", "2026-02-01", "6000", "EUR");
		fixtures.invoice("CUSTOMER", "E3", "C-MECA", "NORD", "2026-01-03", "2026-02-02", "4000", "EUR");
		fixtures.invoice("CUSTOMER", "O2", "C-VINS", "SUD-OUEST", "2026-01-04", "2026-02-03", "7000", "EUR");
		fixtures.invoice("CUSTOMER", "E5", "C-US", "EXPORT", "2026-01-05", "2026-02-04", "9000", "USD");
		fixtures.invoice("CUSTOMER", "O3", "C-VINS", "SUD-OUEST", "2026-01-06", "2026-02-05", "8000", "EUR");
		fixtures.invoice("CUSTOMER", "O4", "C-VINS", "SUD-OUEST", "2026-01-07", "2026-02-06", "9000", "EUR");
		createRule(finance, "/hooks/pages");
		LocalDate asOf = LocalDate.of(2026, 6, 30);

		assertThat(createTasks(tenant, asOf)).containsExactly("6000", "7000");
		assertThat(createTasks(tenant, asOf)).containsExactly("8000", "9000");
		assertThat(createTasks(tenant, asOf)).isEmpty();
	}

	/** The open amounts of the tasks one run capped at two creates, two overdue invoices a page. */
	private List<String> createTasks(String tenant, LocalDate asOf) {
		return database.run(tenant, tx -> taskStore.createTasks(tx, asOf, 2, 2))
			.map(created -> created.stream().map(task -> task.openAmountValue().stripTrailingZeros().toPlainString()).sorted().toList())
			.block();
	}

	private static void seedInvoices(ReceivablesFixtures fixtures) {
		fixtures.invoice("CUSTOMER", "E1", "C-VINS", "SUD-OUEST", "2026-04-01", "2026-05-01", "8000", "EUR");
		fixtures.invoice("CUSTOMER", "E2", "C-VINS", "SUD-OUEST", "2026-05-16", "2026-06-15", "9000", "EUR");
		fixtures.invoice("CUSTOMER", "E3", "C-MECA", "NORD", "2026-03-02", "2026-04-01", "4000", "EUR");
		String e4 = fixtures.invoice("CUSTOMER", "E4", "C-MECA", "NORD", "2026-03-02", "2026-04-01", "12000", "EUR");
		fixtures.payment(e4, "e4", "2026-04-20", "7500", "EUR");
		fixtures.invoice("CUSTOMER", "E5", "C-US", "EXPORT", "2026-03-02", "2026-04-01", "9000", "USD");
		fixtures.invoice("SUPPLIER", "S1", "S-ACIER", "EST", "2026-03-02", "2026-04-01", "10000", "EUR");
	}

	private void createRule(GraphQlTester finance, String path) {
		finance.documentName("receivablesCreateEscalationRule").variable("input", ruleInput(receiver.baseUrl() + path)).execute()
			.path("createEscalationRule.userErrors").entityList(Object.class).hasSize(0)
			.path("createEscalationRule.rule.minOpenAmount.amount").entity(String.class).isEqualTo("5000.00");
	}

	private static Map<String, Object> ruleInput(String url) {
		Map<String, Object> input = new HashMap<>();
		input.put("idempotencyKey", "rule-" + url);
		input.put("name", "Créances > 30 jours et > 5 000 EUR");
		input.put("kind", "CUSTOMER");
		input.put("minDaysOverdue", 30);
		input.put("minOpenAmount", "5000");
		input.put("currency", "EUR");
		input.put("owner", "alice@pme-exemple.fr");
		input.put("webhookUrl", url);
		input.put("webhookSecret", SECRET);
		return input;
	}

	private static GraphQlTester.Response run(GraphQlTester tester) {
		return tester.documentName("receivablesRunEscalations").variable("input", Map.of("asOf", "2026-06-30")).execute();
	}

	private static GraphQlTester.Response complete(GraphQlTester tester, String taskId) {
		return tester.documentName("receivablesCompleteEscalationTask").variable("input", Map.of("taskId", taskId)).execute();
	}

	private static void auditCount(GraphQlTester auditor, String action, int expected) {
		auditor.documentName("auditLog").variable("action", action).variable("first", 10).execute()
			.path("auditLog.totalCount").entity(Integer.class).isEqualTo(expected);
	}

	private static String hmac(String body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
	}

}
