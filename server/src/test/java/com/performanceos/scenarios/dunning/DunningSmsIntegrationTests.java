package com.performanceos.scenarios.dunning;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.ledger.receivables.invoices.OpenInvoices;
import com.performanceos.platform.audit.AuditTrail;
import com.performanceos.platform.security.Role;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.testsupport.IntegrationTest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dunning by SMS against a WireMock standing in for Twilio's Messages API, its answers shaped as Twilio documents them
 * (201 with {@code sid}, {@code status}, {@code error_code}, {@code error_message}; a refusal with {@code code},
 * {@code message}, {@code more_info}, {@code status}). The run's day is the controllable clock, as in the other dunning
 * tests; the runner is built around a client pointed at the WireMock server, everything else is the application's.
 *
 * <pre>
 * Cadence SMB: J-3 e-mail courtesy, J+7 SMS reminder. Invoice S-1 of 900.00 EUR due 2026-03-10.
 * 03-07: the e-mail, no SMS. 03-16: nothing. 03-17: the SMS (7 days overdue). 03-17 again: nothing.
 * </pre>
 */
class DunningSmsIntegrationTests extends IntegrationTest {

	private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";

	private static final String TOKEN = "twilio-test-auth-token";

	private static final String FROM = "+15005550006";

	private static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";

	private static final String MESSAGES = "query($number: String) { dunningMessages(invoiceNumber: $number, first: 50) { totalCount "
			+ "nodes { channel recipient status statusReason providerMessageId providerErrorCode sentAt } } }";

	@Autowired
	TenantDatabase database;

	@Autowired
	DunningStore store;

	@Autowired
	OpenInvoices invoices;

	@Autowired
	DunningMailer mailer;

	@Autowired
	AuditTrail audit;

	@Autowired
	DunningProperties settings;

	@Autowired
	DunningPushes pushes;

	@Autowired
	JsonMapper json;

	private WireMockServer twilio;

	@BeforeEach
	void startTwilio() {
		twilio = new WireMockServer(options().dynamicPort());
		twilio.start();
	}

	@AfterEach
	void stopTwilio() {
		twilio.stop();
	}

	@Test
	void sendsTheSmsOnItsDayWithTheRenderedBodyOnceAndRecordsTheProviderSid() {
		String tenant = newTenant("dunning-sms");
		GraphQlTester finance = graphQl(tenant, Role.FINANCE);
		String phone = "+33612345678";
		setUp(finance, tenant, List.of(step(-3, "EMAIL", "COURTESY"), step(7, "SMS", "REMINDER")), phone);
		accept("SM0123456789abcdef0123456789abcdef");
		DunningRunner runner = runner(0);

		assertThat(runner.run(tenant, "test", LocalDate.parse("2026-03-07"), null).block().sentCount()).as("the e-mail step").isEqualTo(1);
		assertThat(runner.run(tenant, "test", LocalDate.parse("2026-03-16"), null).block().sentCount()).isZero();
		assertThat(twilio.getAllServeEvents()).as("no SMS before its day").isEmpty();

		assertThat(runner.run(tenant, "test", LocalDate.parse("2026-03-17"), null).block().sentCount()).isEqualTo(1);
		assertThat(runner.run(tenant, "test", LocalDate.parse("2026-03-17"), null).block().sentCount()).isZero();
		twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES_PATH))
			.withBasicAuth(new BasicCredentials(ACCOUNT, TOKEN))
			.withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock.containing("application/x-www-form-urlencoded"))
			.withFormParam("To", equalTo(phone))
			.withFormParam("From", equalTo(FROM))
			.withFormParam("Body", equalTo("Hello,\n\nOur records show invoice S-1 for 900.00 EUR, due on 2026-03-10, unpaid for 7 days.\n"
					+ "Please arrange payment at your earliest convenience.\n\nKind regards")));

		GraphQlTester.Response messages = graphQl(tenant, Role.AUDITOR).document(MESSAGES).variable("number", "S-1").execute();
		messages.path("dunningMessages.nodes[*].channel").entityList(String.class).containsExactly("EMAIL", "SMS")
			.path("dunningMessages.nodes[*].status").entityList(String.class).containsExactly("SENT", "SENT")
			.path("dunningMessages.nodes[1].recipient").entity(String.class).isEqualTo(phone)
			.path("dunningMessages.nodes[1].providerMessageId").entity(String.class).isEqualTo("SM0123456789abcdef0123456789abcdef")
			.path("dunningMessages.nodes[1].sentAt").entity(String.class).satisfies(sentAt -> assertThat(sentAt).isNotBlank());
		assertThat(auditCount(graphQl(tenant, Role.AUDITOR), "scenarios.dunning.sent")).isEqualTo(2);
	}

	@Test
	void aProviderRefusalIsRecordedAsABounceWithTheProvidersCodeAndReasonAndNotSentAgain() {
		String tenant = newTenant("dunning-sms-400");
		GraphQlTester finance = graphQl(tenant, Role.FINANCE);
		String phone = "+33612345679";
		setUp(finance, tenant, List.of(step(7, "SMS", "REMINDER")), phone);
		twilio.stubFor(post(urlEqualTo(MESSAGES_PATH)).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\": 21211, \"message\": \"The 'To' number " + phone + " is not a valid phone number.\", "
					+ "\"more_info\": \"https://www.twilio.com/docs/errors/21211\", \"status\": 400}")));
		DunningRunner runner = runner(2);

		RunDunning.Payload refused = runner.run(tenant, "test", LocalDate.parse("2026-03-17"), null).block();
		assertThat(refused.sentCount()).isZero();
		assertThat(refused.failedCount()).isEqualTo(1);
		runner.run(tenant, "test", LocalDate.parse("2026-03-18"), null).block();
		twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES_PATH)));

		GraphQlTester.Response messages = finance.document(MESSAGES).variable("number", "S-1").execute();
		messages.path("dunningMessages.nodes[0].status").entity(String.class).isEqualTo("BOUNCED")
			.path("dunningMessages.nodes[0].providerErrorCode").entity(String.class).isEqualTo("21211")
			.path("dunningMessages.nodes[0].providerMessageId").valueIsNull();
		String reason = messages.path("dunningMessages.nodes[0].statusReason").entity(String.class).get();
		assertThat(reason).contains("HTTP 400", "21211", "is not a valid phone number").doesNotContain(phone).contains("**********79");
		assertThat(auditCount(graphQl(tenant, Role.AUDITOR), "scenarios.dunning.bounced")).isEqualTo(1);
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aProviderOutageLeavesTheMessageRetryableAndTheNextRunSendsItExactlyOnce(CapturedOutput output) {
		String tenant = newTenant("dunning-sms-503");
		GraphQlTester finance = graphQl(tenant, Role.FINANCE);
		String phone = "+33612345670";
		setUp(finance, tenant, List.of(step(7, "SMS", "REMINDER")), phone);
		twilio.stubFor(post(urlEqualTo(MESSAGES_PATH)).inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
				.withBody("{\"code\": 20503, \"message\": \"Service Unavailable\", \"more_info\": \"https://www.twilio.com/docs/errors/20503\", "
						+ "\"status\": 503}"))
			.willSetStateTo("recovered"));
		twilio.stubFor(post(urlEqualTo(MESSAGES_PATH)).inScenario("outage").whenScenarioStateIs("recovered")
			.willReturn(created("SMfedcba9876543210fedcba9876543210", phone)));
		DunningRunner runner = runner(0);

		RunDunning.Payload down = runner.run(tenant, "test", LocalDate.parse("2026-03-17"), null).block();
		assertThat(down.failedCount()).isEqualTo(1);
		finance.document(MESSAGES).variable("number", "S-1").execute()
			.path("dunningMessages.nodes[0].status").entity(String.class).isEqualTo("FAILED");

		assertThat(runner.run(tenant, "test", LocalDate.parse("2026-03-18"), null).block().sentCount()).as("retried").isEqualTo(1);
		assertThat(runner.run(tenant, "test", LocalDate.parse("2026-03-19"), null).block().sentCount()).isZero();
		twilio.verify(2, postRequestedFor(urlEqualTo(MESSAGES_PATH)).withFormParam("To", equalTo(phone)));
		assertThat(twilio.getAllServeEvents()).filteredOn(event -> event.getResponse().getStatus() == 201).hasSize(1);
		finance.document(MESSAGES).variable("number", "S-1").execute()
			.path("dunningMessages.totalCount").entity(Integer.class).isEqualTo(1)
			.path("dunningMessages.nodes[0].status").entity(String.class).isEqualTo("SENT")
			.path("dunningMessages.nodes[0].providerMessageId").entity(String.class).isEqualTo("SMfedcba9876543210fedcba9876543210");

		// The outage was logged, by the message's id: never with the number.
		assertThat(output.getAll()).contains("SMS of dunning message").doesNotContain(phone);
	}

	@Test
	void eachTenantsRunSendsOnlyItsOwnCustomersSmsAndSeesOnlyItsOwnMessages() {
		String first = newTenant("dunning-sms-a");
		String second = newTenant("dunning-sms-b");
		setUp(graphQl(first, Role.FINANCE), first, List.of(step(7, "SMS", "REMINDER")), "+33611111111");
		setUp(graphQl(second, Role.FINANCE), second, List.of(step(7, "SMS", "REMINDER")), "+33622222222");
		accept("SM11111111111111111111111111111111");
		DunningRunner runner = runner(0);

		assertThat(runner.run(first, "test", LocalDate.parse("2026-03-17"), null).block().sentCount()).isEqualTo(1);
		twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES_PATH)));
		twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES_PATH)).withFormParam("To", equalTo("+33611111111")));
		graphQl(second, Role.FINANCE).document(MESSAGES).variable("number", "S-1").execute()
			.path("dunningMessages.totalCount").entity(Integer.class).isEqualTo(0);
		graphQl(second, Role.FINANCE).document("{ dunningContacts { phone } }").execute()
			.path("dunningContacts[*].phone").entityList(String.class).containsExactly("+33622222222");

		assertThat(runner.run(second, "test", LocalDate.parse("2026-03-17"), null).block().sentCount()).isEqualTo(1);
		twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES_PATH)).withFormParam("To", equalTo("+33622222222")));
		twilio.verify(2, postRequestedFor(urlEqualTo(MESSAGES_PATH)));
		graphQl(first, Role.FINANCE).document(MESSAGES).variable("number", "S-1").execute()
			.path("dunningMessages.nodes[*].recipient").entityList(String.class).containsExactly("+33611111111");
	}

	@Test
	void aPhoneThatIsNotE164IsRefusedWithoutRepeatingItAndAnSmsStepWithoutAPhoneIsSkipped() {
		String tenant = newTenant("dunning-sms-input");
		GraphQlTester finance = graphQl(tenant, Role.FINANCE);
		finance.document("mutation($input: SetDunningContactInput!) { setDunningContact(input: $input) { userErrors { code field message } } }")
			.variable("input", Map.of("customerCode", "T1", "segment", "SMB", "email", "t1@example.com", "phone", "06 12 34 56 78",
					"language", "EN"))
			.execute()
			.path("setDunningContact.userErrors[0].field[1]").entity(String.class).isEqualTo("phone")
			.path("setDunningContact.userErrors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).doesNotContain("06 12 34 56 78"));

		setUp(finance, tenant, List.of(step(7, "SMS", "REMINDER")), null);
		accept("SM22222222222222222222222222222222");
		RunDunning.Payload run = runner(0).run(tenant, "test", LocalDate.parse("2026-03-17"), null).block();
		assertThat(run.skippedCount()).isEqualTo(1);
		assertThat(twilio.getAllServeEvents()).isEmpty();
		finance.document(MESSAGES).variable("number", "S-1").execute()
			.path("dunningMessages.nodes[0].status").entity(String.class).isEqualTo("SKIPPED")
			.path("dunningMessages.nodes[0].statusReason").entity(String.class).isEqualTo("the contact has no mobile number for an SMS step");
	}

	private DunningRunner runner(int retries) {
		DunningProperties.Sms sms = new DunningProperties.Sms(URI.create(twilio.baseUrl()), ACCOUNT, TOKEN, null, FROM, null,
				Duration.ofSeconds(5), retries, Duration.ofMillis(20), 50, 10, Duration.ofSeconds(30));
		return new DunningRunner(database, store, invoices, mailer, new DunningSms(WebClient.builder(), sms, json), audit, settings, pushes);
	}

	private void accept(String sid) {
		twilio.stubFor(post(urlEqualTo(MESSAGES_PATH)).willReturn(created(sid, "+33600000000")));
	}

	/** Twilio's documented 201 answer to a created message. */
	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created(String sid, String to) {
		return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
				{"account_sid": "%1$s", "api_version": "2010-04-01", "body": "...", "date_created": "Tue, 17 Mar 2026 08:00:00 +0000",
				 "date_sent": null, "date_updated": "Tue, 17 Mar 2026 08:00:00 +0000", "direction": "outbound-api", "error_code": null,
				 "error_message": null, "from": "%2$s", "messaging_service_sid": null, "num_media": "0", "num_segments": "1",
				 "price": null, "price_unit": "USD", "sid": "%3$s", "status": "queued",
				 "subresource_uris": {"media": "/2010-04-01/Accounts/%1$s/Messages/%3$s/Media.json"}, "to": "%4$s",
				 "uri": "/2010-04-01/Accounts/%1$s/Messages/%3$s.json"}""".formatted(ACCOUNT, FROM, sid, to));
	}

	/** Cadence SMB with the steps, customer T1 in SMB (English) with the phone, invoice S-1 of 900.00 EUR due 2026-03-10. */
	private static void setUp(GraphQlTester finance, String tenant, List<Map<String, Object>> steps, @org.jspecify.annotations.Nullable String phone) {
		finance.document("mutation($input: SetDunningCadenceInput!) { setDunningCadence(input: $input) { userErrors { code } } }")
			.variable("input", Map.of("segment", "SMB", "steps", steps))
			.execute().path("setDunningCadence.userErrors").entityList(Object.class).hasSize(0);
		Map<String, Object> contact = new LinkedHashMap<>();
		contact.put("customerCode", "T1");
		contact.put("segment", "SMB");
		contact.put("email", "t1@" + tenant + ".example.com");
		contact.put("phone", phone);
		contact.put("language", "EN");
		finance.document("mutation($input: SetDunningContactInput!) { setDunningContact(input: $input) { userErrors { code } } }")
			.variable("input", contact)
			.execute().path("setDunningContact.userErrors").entityList(Object.class).hasSize(0);
		Map<String, Object> invoice = new LinkedHashMap<>();
		invoice.put("idempotencyKey", "inv-S-1");
		invoice.put("kind", "CUSTOMER");
		invoice.put("number", "S-1");
		invoice.put("counterpartyCode", "T1");
		invoice.put("counterpartyName", "Customer T1");
		invoice.put("region", "FR");
		invoice.put("issueDate", "2026-02-01");
		invoice.put("dueDate", "2026-03-10");
		invoice.put("amount", "900.00");
		invoice.put("currency", "EUR");
		finance.documentName("receivablesCreateInvoice").variable("input", invoice).execute()
			.path("createInvoice.invoice.id").entity(String.class).get();
	}

	private static Map<String, Object> step(int offsetDays, String channel, String tone) {
		return Map.of("offsetDays", offsetDays, "channel", channel, "tone", tone);
	}

	private static int auditCount(GraphQlTester auditor, String action) {
		return auditor.document("query($action: String) { auditLog(first: 50, action: $action) { nodes { action } } }")
			.variable("action", action).execute()
			.path("auditLog.nodes[*].action").entityList(String.class).get().size();
	}

}
