package com.performanceos.scenarios.dunning;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
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
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Dunning statuses pushed to the tenant's CRM by signed webhook, through the GraphQL API, against a WireMock receiver
 * and the in-process SMTP server. Cadence SMB: J-3 courtesy e-mail. Invoice A-1 (customer D1) of 1,000.00 EUR due
 * 2026-03-10: its courtesy note goes on 03-07; paid on 03-12, its cadence stops with the run of 03-17.
 */
// WireMock listens on this machine, which the egress guard refuses unless the operator allows it (as for the
// escalation webhooks); 10.0.0.0/8 stays refused, which the validation test relies on.
@TestPropertySource(properties = "performanceos.egress.allowed-destinations=127.0.0.0/8,::1")
class DunningWebhookIntegrationTests extends IntegrationTest {

	private static final String SECRET = "crm-secret-0123456789";

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String WEBHOOK = "{ dunningWebhook { url revision updatedBy pendingCount deliveredCount lastError } }";

	private static final String PUSHES = "query($status: DunningPushStatus) { dunningPushes(status: $status, first: 50) { totalCount "
			+ "nodes { id event invoiceNumber status attempts lastError deliveredTo } } }";

	private static final String DELIVER = "mutation($dueOnly: Boolean) { deliverDunningPushes(input: { dueOnly: $dueOnly }) { "
			+ "deliveredCount pendingCount userErrors { code } } }";

	private static WireMockServer crm;

	@Autowired
	JsonMapper json;

	@BeforeAll
	static void startCrm() {
		crm = new WireMockServer(options().dynamicPort());
		crm.start();
	}

	@AfterAll
	static void stopCrm() {
		crm.stop();
	}

	@Test
	void eachStatusChangeIsPushedSignedInOrderWithoutTheContactsAddressAndAudited() {
		String tenant = newTenant("dunning-crm");
		String domain = tenant + ".example.com";
		GraphQlTester finance = graphQl(tenant, Role.FINANCE);
		crm.stubFor(post(urlEqualTo("/crm/" + tenant)).willReturn(aResponse().withStatus(204)));
		setWebhook(finance, crm.baseUrl() + "/crm/" + tenant).path("setDunningWebhook.webhook.revision").entity(Integer.class).isEqualTo(1);
		String invoiceId = setUpInvoice(finance, domain);

		run(finance, "2026-03-07").path("runDunning.sentCount").entity(Integer.class).isEqualTo(1);
		await().atMost(WAIT).until(() -> received(tenant).size() == 1);
		pay(finance, invoiceId, "2026-03-12");
		run(finance, "2026-03-17").path("runDunning.stoppedCount").entity(Integer.class).isEqualTo(1);
		await().atMost(WAIT).until(() -> received(tenant).size() == 2);

		List<LoggedRequest> posted = received(tenant);
		Map<String, Object> sent = body(posted.get(0));
		assertThat(posted.get(0).getHeader("X-PerformanceOS-Event")).isEqualTo("dunning.message.sent");
		assertThat(sent).containsEntry("event", "dunning.message.sent").containsEntry("invoiceNumber", "A-1").containsEntry("customerCode", "D1")
			.containsEntry("segment", "SMB").containsEntry("step", 1).containsEntry("tone", "COURTESY").containsEntry("channel", "EMAIL")
			.containsEntry("status", "SENT");
		Map<String, Object> stopped = body(posted.get(1));
		assertThat(posted.get(1).getHeader("X-PerformanceOS-Event")).isEqualTo("dunning.stopped");
		assertThat(stopped).containsEntry("event", "dunning.stopped").containsEntry("invoiceNumber", "A-1").containsEntry("reason", "PAID")
			.containsEntry("stoppedOn", "2026-03-17").containsEntry("invoiceId", invoiceId);
		for (LoggedRequest request : posted) {
			assertThat(request.getHeader("X-PerformanceOS-Signature")).isEqualTo(hmac(request.getBodyAsString()));
			assertThat(request.getHeader("X-PerformanceOS-Delivery")).isEqualTo(body(request).get("deliveryId"));
			assertThat(request.getBodyAsString()).as("no contact detail leaves").doesNotContain("@").doesNotContain(domain);
		}

		GraphQlTester auditor = graphQl(tenant, Role.AUDITOR);
		auditor.document(WEBHOOK).execute()
			.path("dunningWebhook.url").entity(String.class).isEqualTo(crm.baseUrl() + "/crm/" + tenant)
			.path("dunningWebhook.deliveredCount").entity(Integer.class).isEqualTo(2)
			.path("dunningWebhook.pendingCount").entity(Integer.class).isEqualTo(0)
			.path("dunningWebhook.lastError").valueIsNull();
		auditor.document(PUSHES).execute()
			.path("dunningPushes.nodes[*].event").entityList(String.class).containsExactly("dunning.message.sent", "dunning.stopped")
			.path("dunningPushes.nodes[*].status").entityList(String.class).containsExactly("DELIVERED", "DELIVERED")
			.path("dunningPushes.nodes[0].deliveredTo").entity(String.class).isEqualTo(crm.baseUrl() + "/crm/" + tenant);
		assertThat(audit(auditor, "scenarios.dunning.pushed")).hasSize(2);
		assertThat(audit(auditor, "scenarios.dunning.webhook.set")).hasSize(1)
			.allSatisfy(record -> assertThat(record.toString()).doesNotContain(SECRET));
	}

	@Test
	void aReceiverThatIsDownKeepsThePushesPendingBehindTheFirstAndGetsThemInOrderOnceBack() {
		String tenant = newTenant("dunning-crm-down");
		String path = "/crm/" + tenant;
		GraphQlTester finance = graphQl(tenant, Role.FINANCE);
		crm.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(503)));
		setWebhook(finance, crm.baseUrl() + path);
		setUpInvoice(finance, tenant + ".example.com");

		// The run does not wait on the CRM; its push is tried in the background, fails, and waits its backoff (1 minute).
		run(finance, "2026-03-07").path("runDunning.sentCount").entity(Integer.class).isEqualTo(1);
		await().atMost(WAIT).until(() -> attemptsOfFirst(finance) == 1);
		String messageId = finance.document("{ dunningMessages(first: 5) { nodes { id } } }").execute()
			.path("dunningMessages.nodes[0].id").entity(String.class).get();
		finance.document("mutation($input: RecordDunningBounceInput!) { recordDunningBounce(input: $input) { message { status } userErrors { code } } }")
			.variable("input", Map.of("messageId", messageId, "reason", "550 5.1.1 mailbox unavailable"))
			.execute()
			.path("recordDunningBounce.message.status").entity(String.class).isEqualTo("BOUNCED");

		// The bounce's push waits behind the failed one: the receiver is not called again before the backoff.
		finance.document(DELIVER).variable("dueOnly", true).execute()
			.path("deliverDunningPushes.deliveredCount").entity(Integer.class).isEqualTo(0)
			.path("deliverDunningPushes.pendingCount").entity(Integer.class).isEqualTo(2);
		assertThat(received(tenant)).hasSize(1);
		finance.document(WEBHOOK).execute()
			.path("dunningWebhook.pendingCount").entity(Integer.class).isEqualTo(2)
			.path("dunningWebhook.lastError").entity(String.class).isEqualTo("Delivery failed");

		// An operator's retry while it is still down: one call, the first push, and the pass stops there.
		finance.document(DELIVER).execute().path("deliverDunningPushes.deliveredCount").entity(Integer.class).isEqualTo(0);
		assertThat(received(tenant)).hasSize(2);
		finance.document(PUSHES).execute()
			.path("dunningPushes.nodes[*].attempts").entityList(Integer.class).containsExactly(2, 0)
			.path("dunningPushes.nodes[*].status").entityList(String.class).containsExactly("PENDING", "PENDING");

		crm.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
		finance.document(DELIVER).execute()
			.path("deliverDunningPushes.deliveredCount").entity(Integer.class).isEqualTo(2)
			.path("deliverDunningPushes.pendingCount").entity(Integer.class).isEqualTo(0);
		List<LoggedRequest> posted = received(tenant);
		assertThat(posted).hasSize(4);
		assertThat(posted.stream().map(request -> request.getHeader("X-PerformanceOS-Event")).toList())
			.containsExactly("dunning.message.sent", "dunning.message.sent", "dunning.message.sent", "dunning.message.bounced");
		assertThat(posted.subList(0, 3).stream().map(request -> request.getHeader("X-PerformanceOS-Delivery")).distinct().toList())
			.as("a retry carries the same delivery id").hasSize(1);
		assertThat(posted.get(0).getBodyAsString()).as("and the same bytes").isEqualTo(posted.get(2).getBodyAsString());
		assertThat(body(posted.get(3))).containsEntry("status", "BOUNCED").containsEntry("reason", "550 5.1.1 mailbox unavailable");

		// Nothing is sent twice once delivered.
		finance.document(DELIVER).execute().path("deliverDunningPushes.deliveredCount").entity(Integer.class).isEqualTo(0);
		assertThat(received(tenant)).hasSize(4);
	}

	@Test
	void badReceiversAreRefusedTheSecretIsWriteOnlyRemovalCancelsAndTenantsAndRolesAreApart() {
		String tenant = newTenant("dunning-crm-set");
		GraphQlTester finance = graphQl(tenant, Role.FINANCE);
		String path = "/crm/" + tenant;
		crm.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(503)));

		GraphQlTester.Response invalid = setWebhook(finance, "ftp://crm.example.com/hook", "short");
		invalid.path("setDunningWebhook.webhook").valueIsNull()
			.path("setDunningWebhook.userErrors[*].field").entityList(Object.class).hasSize(2);
		assertThat(invalid.path("setDunningWebhook.userErrors[*].code").entityList(String.class).get()).containsOnly("INVALID_INPUT");
		setWebhook(finance, "http://10.0.0.1/hook", SECRET)
			.path("setDunningWebhook.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
			.path("setDunningWebhook.userErrors[0].message").entity(String.class).isEqualTo("url must be a public http or https URL");
		finance.document(WEBHOOK).execute().path("dunningWebhook").valueIsNull();
		graphQl(tenant, Role.AUDITOR).document("mutation($input: SetDunningWebhookInput!) { setDunningWebhook(input: $input) { webhook { url } } }")
			.variable("input", Map.of("url", crm.baseUrl() + path, "secret", SECRET))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).isNotEmpty().allSatisfy(error -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));

		setWebhook(finance, crm.baseUrl() + path).path("setDunningWebhook.webhook.revision").entity(Integer.class).isEqualTo(1);
		setWebhook(finance, crm.baseUrl() + path).path("setDunningWebhook.webhook.revision").entity(Integer.class).isEqualTo(2);
		setUpInvoice(finance, tenant + ".example.com");
		run(finance, "2026-03-07");
		await().atMost(WAIT).until(() -> attemptsOfFirst(finance) == 1);

		// Another tenant sees none of it.
		GraphQlTester other = graphQl(newTenant("dunning-crm-other"), Role.ADMIN);
		other.document(WEBHOOK).execute().path("dunningWebhook").valueIsNull();
		other.document(PUSHES).execute().path("dunningPushes.totalCount").entity(Integer.class).isEqualTo(0);

		String remove = "mutation($revision: Int!) { removeDunningWebhook(input: { revision: $revision }) { webhook { url revision } "
				+ "cancelledCount userErrors { code field } } }";
		finance.document(remove).variable("revision", 1).execute()
			.path("removeDunningWebhook.userErrors[0].code").entity(String.class).isEqualTo("STALE_REVISION");
		finance.document(remove).variable("revision", 2).execute()
			.path("removeDunningWebhook.webhook.revision").entity(Integer.class).isEqualTo(2)
			.path("removeDunningWebhook.cancelledCount").entity(Integer.class).isEqualTo(1);
		finance.document(remove).variable("revision", 2).execute()
			.path("removeDunningWebhook.userErrors[0].code").entity(String.class).isEqualTo("DUNNING_WEBHOOK_NOT_SET");
		finance.document(PUSHES).variable("status", "CANCELLED").execute().path("dunningPushes.totalCount").entity(Integer.class).isEqualTo(1);

		// Without a receiver, a status change is no longer recorded for the CRM, and nothing pending is called.
		crm.resetRequests();
		String messageId = finance.document("{ dunningMessages(first: 5) { nodes { id } } }").execute()
			.path("dunningMessages.nodes[0].id").entity(String.class).get();
		finance.document("mutation($input: RecordDunningBounceInput!) { recordDunningBounce(input: $input) { message { status } } }")
			.variable("input", Map.of("messageId", messageId, "reason", "550 5.1.1 mailbox unavailable"))
			.execute()
			.path("recordDunningBounce.message.status").entity(String.class).isEqualTo("BOUNCED");
		finance.document(DELIVER).execute().path("deliverDunningPushes.deliveredCount").entity(Integer.class).isEqualTo(0);
		finance.document(PUSHES).execute().path("dunningPushes.totalCount").entity(Integer.class).isEqualTo(1);
		assertThat(received(tenant)).isEmpty();
	}

	private int attemptsOfFirst(GraphQlTester tester) {
		List<Integer> attempts = tester.document(PUSHES).execute().path("dunningPushes.nodes[*].attempts").entityList(Integer.class).get();
		return attempts.isEmpty() ? 0 : attempts.get(0);
	}

	private static GraphQlTester.Response setWebhook(GraphQlTester finance, String url) {
		return setWebhook(finance, url, SECRET);
	}

	private static GraphQlTester.Response setWebhook(GraphQlTester finance, String url, String secret) {
		return finance.document("mutation($input: SetDunningWebhookInput!) { setDunningWebhook(input: $input) { "
				+ "webhook { url revision } userErrors { code field message } } }")
			.variable("input", Map.of("url", url, "secret", secret))
			.execute();
	}

	/** Cadence SMB (J-3 courtesy e-mail), contact D1, invoice A-1 due 2026-03-10; answers the invoice's id. */
	private static String setUpInvoice(GraphQlTester finance, String domain) {
		finance.document("mutation($input: SetDunningCadenceInput!) { setDunningCadence(input: $input) { userErrors { code } } }")
			.variable("input", Map.of("segment", "SMB", "steps", List.of(Map.of("offsetDays", -3, "channel", "EMAIL", "tone", "COURTESY"))))
			.execute()
			.path("setDunningCadence.userErrors").entityList(Object.class).hasSize(0);
		finance.document("mutation($input: SetDunningContactInput!) { setDunningContact(input: $input) { userErrors { code } } }")
			.variable("input", Map.of("customerCode", "D1", "segment", "SMB", "email", "d1@" + domain, "language", "EN"))
			.execute()
			.path("setDunningContact.userErrors").entityList(Object.class).hasSize(0);
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("idempotencyKey", "inv-A-1");
		input.put("kind", "CUSTOMER");
		input.put("number", "A-1");
		input.put("counterpartyCode", "D1");
		input.put("counterpartyName", "Customer D1");
		input.put("region", "FR");
		input.put("issueDate", "2026-02-01");
		input.put("dueDate", "2026-03-10");
		input.put("amount", "1000.00");
		input.put("currency", "EUR");
		return finance.documentName("receivablesCreateInvoice").variable("input", input).execute()
			.path("createInvoice.invoice.id").entity(String.class).get();
	}

	private static GraphQlTester.Response run(GraphQlTester finance, String asOf) {
		GraphQlTester.Response response = finance.document("mutation($asOf: Date) { runDunning(input: { asOf: $asOf }) { "
				+ "sentCount failedCount stoppedCount userErrors { code } } }").variable("asOf", asOf).execute();
		response.path("runDunning.userErrors").entityList(Object.class).hasSize(0);
		return response;
	}

	private static void pay(GraphQlTester finance, String invoiceId, String date) {
		finance.documentName("receivablesRecordPayment")
			.variable("input", Map.of("idempotencyKey", "pay-" + invoiceId, "invoiceId", invoiceId, "paymentDate", date, "amount", "1000.00",
					"currency", "EUR"))
			.execute()
			.path("recordPayment.userErrors").entityList(Object.class).hasSize(0);
	}

	private static List<LoggedRequest> received(String tenant) {
		return crm.findAll(postRequestedFor(urlEqualTo("/crm/" + tenant)));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> body(LoggedRequest request) {
		return json.readValue(request.getBodyAsString(), Map.class);
	}

	private static List<Map<String, Object>> audit(GraphQlTester auditor, String action) {
		return auditor.document("query($action: String) { auditLog(first: 50, action: $action) { nodes { action targetType before after } } }")
			.variable("action", action)
			.execute()
			.path("auditLog.nodes")
			.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
	}

	private static String hmac(String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
