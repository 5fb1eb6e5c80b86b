package com.performanceos.scenarios.dunning;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dunning through the GraphQL API against a real SMTP server (GreenMail, in-process): the right
 * messages on the right days (the run's {@code asOf} is the controllable clock), at most once each,
 * stopped by a payment or a dispute, bounces recorded, every send audited, and the segment's DSO.
 */
class DunningIntegrationTests extends IntegrationTest {

	private static final String RUN = "mutation($asOf: Date) { runDunning(input: { asOf: $asOf }) { "
			+ "asOf sentCount failedCount skippedCount stoppedCount userErrors { code } } }";

	private static final String MESSAGES = "query($number: String) { dunningMessages(invoiceNumber: $number, first: 50) { totalCount "
			+ "nodes { id invoiceNumber step tone recipient scheduledOn subject status statusReason sentAt } } }";

	private static final List<Map<String, Object>> SMB_STEPS = List.of(step(7, "REMINDER"), step(-3, "COURTESY"), step(30, "FORMAL_NOTICE"),
			step(15, "REMINDER"));

	@Test
	void aCadenceSendsTheRightMessagesOnTheRightDaysStopsOnPaymentOrDisputeAndNeverSendsTwice() throws Exception {
		String tenant = newTenant("dunning");
		String domain = tenant + ".example.com";
		GraphQlTester finance = graphQl(tenant, Role.FINANCE);
		cadence(finance, "SMB", SMB_STEPS).path("setDunningCadence.cadence.steps[*].offsetDays").entityList(Integer.class)
			.containsExactly(-3, 7, 15, 30);
		contact(finance, "D1", "SMB", "d1@" + domain, "FR");
		contact(finance, "D2", "SMB", "d2@" + domain, "EN");
		String paidLater = invoice(finance, "A-1", "D1", "2026-02-01", "2026-03-10", "1000.00");
		String disputed = invoice(finance, "B-1", "D2", "2026-02-01", "2026-03-10", "2000.00");
		invoice(finance, "C-1", "D3", "2026-02-01", "2026-03-10", "500.00");

		run(finance, "2026-03-06").path("runDunning.sentCount").entity(Integer.class).isEqualTo(0);
		assertThat(mails(domain)).isEmpty();

		// J-3: the courtesy notes, each in its customer's language with the invoice's figures; D3 has no contact.
		run(finance, "2026-03-07").path("runDunning.sentCount").entity(Integer.class).isEqualTo(2);
		Map<String, MimeMessage> first = byRecipient(mails(domain));
		assertThat(first).containsOnlyKeys("d1@" + domain, "d2@" + domain);
		assertThat(first.get("d1@" + domain).getSubject()).isEqualTo("Facture A-1 : échéance le 10/03/2026");
		assertThat((String) first.get("d1@" + domain).getContent()).contains("1000.00 EUR");
		assertThat(first.get("d2@" + domain).getSubject()).isEqualTo("Invoice B-1: due on 2026-03-10");
		assertThat(first.get("d2@" + domain).getHeader(DunningMailer.MESSAGE_ID_HEADER)).hasSize(1);

		// The same day again, and a day with no new step: nothing is sent twice.
		run(finance, "2026-03-07").path("runDunning.sentCount").entity(Integer.class).isEqualTo(0);
		run(finance, "2026-03-16").path("runDunning.sentCount").entity(Integer.class).isEqualTo(0);
		assertThat(mails(domain)).hasSize(2);

		// A-1 is paid on 03-12: at J+7 only B-1 is reminded, and A-1's cadence stops.
		pay(finance, paidLater, "2026-03-12", "1000.00");
		GraphQlTester.Response reminder = run(finance, "2026-03-17");
		reminder.path("runDunning.sentCount").entity(Integer.class).isEqualTo(1);
		reminder.path("runDunning.stoppedCount").entity(Integer.class).isEqualTo(1);
		assertThat(mails(domain)).hasSize(3);
		assertThat(subjects(domain)).containsExactlyInAnyOrder("Facture A-1 : échéance le 10/03/2026", "Invoice B-1: due on 2026-03-10",
				"Reminder: invoice B-1 is 7 days overdue");

		// B-1 is disputed: J+15 and J+30 pass without a message; a second stop is refused.
		String stop = "mutation($input: StopDunningInput!) { stopDunning(input: $input) { stop { invoiceNumber reason note stoppedBy } userErrors { code } } }";
		finance.document(stop).variable("input", Map.of("invoiceId", disputed, "reason", "DISPUTED", "note", "Goods damaged")).execute()
			.path("stopDunning.stop.reason").entity(String.class).isEqualTo("DISPUTED")
			.path("stopDunning.stop.invoiceNumber").entity(String.class).isEqualTo("B-1");
		finance.document(stop).variable("input", Map.of("invoiceId", disputed, "reason", "DISPUTED")).execute()
			.path("stopDunning.userErrors[0].code").entity(String.class).isEqualTo("DUNNING_ALREADY_STOPPED");
		run(finance, "2026-03-25").path("runDunning.sentCount").entity(Integer.class).isEqualTo(0);
		run(finance, "2026-04-09").path("runDunning.sentCount").entity(Integer.class).isEqualTo(0);
		assertThat(mails(domain)).hasSize(3);

		GraphQlTester auditor = graphQl(tenant, Role.AUDITOR);
		auditor.document(MESSAGES).execute()
			.path("dunningMessages.totalCount").entity(Integer.class).isEqualTo(3)
			.path("dunningMessages.nodes[*].status").entityList(String.class).containsExactly("SENT", "SENT", "SENT")
			.path("dunningMessages.nodes[*].scheduledOn").entityList(String.class).containsExactly("2026-03-07", "2026-03-07", "2026-03-17");
		assertThat(auditCount(auditor, "scenarios.dunning.sent")).isEqualTo(3);
		assertThat(auditCount(auditor, "scenarios.dunning.stopped")).isEqualTo(2);

		// Tenants and roles: another tenant sees nothing, a REP nothing at all, an AUDITOR cannot run.
		graphQl(newTenant("dunning-other"), Role.FINANCE).document(MESSAGES).execute()
			.path("dunningMessages.totalCount").entity(Integer.class).isEqualTo(0);
		refused(graphQl(tenant, Role.REP).document(MESSAGES).execute());
		refused(graphQl(tenant, Role.ANALYST).document("{ dunningCadences { segment } }").execute());
		refused(auditor.document(RUN).variable("asOf", "2026-04-10").execute());
	}

	@Test
	void aLateFirstRunSendsOnlyTheLatestDueStepAndBouncesAreRecorded() throws Exception {
		String tenant = newTenant("dunning-late");
		String domain = tenant + ".example.com";
		GraphQlTester finance = graphQl(tenant, Role.FINANCE);
		cadence(finance, "SMB", SMB_STEPS);
		contact(finance, "D1", "SMB", "d1@" + domain, "EN");
		invoice(finance, "L-1", "D1", "2026-02-01", "2026-03-10", "750.50");

		GraphQlTester.Response late = run(finance, "2026-03-26");
		late.path("runDunning.sentCount").entity(Integer.class).isEqualTo(1);
		late.path("runDunning.skippedCount").entity(Integer.class).isEqualTo(2);
		assertThat(mails(domain)).hasSize(1);
		assertThat(mails(domain)[0].getSubject()).isEqualTo("Reminder: invoice L-1 is 16 days overdue");
		assertThat((String) mails(domain)[0].getContent()).contains("750.50 EUR");

		GraphQlTester.Response messages = finance.document(MESSAGES).variable("number", "L-1").execute();
		messages.path("dunningMessages.nodes[*].status").entityList(String.class).containsExactly("SKIPPED", "SKIPPED", "SENT");
		List<String> ids = messages.path("dunningMessages.nodes[*].id").entityList(String.class).get();

		String bounce = "mutation($input: RecordDunningBounceInput!) { recordDunningBounce(input: $input) { "
				+ "message { status statusReason } userErrors { code field } } }";
		finance.document(bounce).variable("input", Map.of("messageId", ids.get(2), "reason", "550 5.1.1 mailbox unavailable")).execute()
			.path("recordDunningBounce.message.status").entity(String.class).isEqualTo("BOUNCED")
			.path("recordDunningBounce.message.statusReason").entity(String.class).isEqualTo("550 5.1.1 mailbox unavailable");
		finance.document(bounce).variable("input", Map.of("messageId", ids.get(2), "reason", "again")).execute()
			.path("recordDunningBounce.userErrors[0].code").entity(String.class).isEqualTo("DUNNING_MESSAGE_NOT_SENT");
		finance.document(bounce).variable("input", Map.of("messageId", ids.get(0), "reason", "skipped")).execute()
			.path("recordDunningBounce.userErrors[0].code").entity(String.class).isEqualTo("DUNNING_MESSAGE_NOT_SENT");
		assertThat(auditCount(graphQl(tenant, Role.AUDITOR), "scenarios.dunning.bounced")).isEqualTo(1);

		// A bounced step is not re-sent; the next step goes out on its day.
		run(finance, "2026-03-27").path("runDunning.sentCount").entity(Integer.class).isEqualTo(0);
		run(finance, "2026-04-09").path("runDunning.sentCount").entity(Integer.class).isEqualTo(1);
		assertThat(subjects(domain)).containsExactly("Reminder: invoice L-1 is 16 days overdue", "Formal notice: invoice L-1");

		// Inputs are checked before anything is stored.
		contact(finance, "D2", "SMB", "Someone <d2@" + domain + ">", "FR")
			.path("setDunningContact.userErrors[0].field[1]").entity(String.class).isEqualTo("email");
		cadence(finance, "BAD", List.of(step(7, "REMINDER"), step(7, "FORMAL_NOTICE")))
			.path("setDunningCadence.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");
	}

	/**
	 * DSO over 90 days of invoicing = open receivables / invoiced × 90. SMB (D1, D2) is invoiced 4,000.00
	 * on 2026-02-01, due 03-03; before any reminder (03-09) all of it is open: 4000 / 4000 × 90 = 90.00.
	 * After two cycles (J+7 on 03-10, J+15 on 03-18) D1 pays 3,000.00 and D2 500.00 of 1,000.00: on 03-31,
	 * 500 / 4000 × 90 = 11.25 days. KEY (D3, no reminder) stays at 5000 / 5000 × 90 = 90.00.
	 */
	@Test
	void theSegmentsDsoDropsAsHandComputedAfterTwoCycles() throws Exception {
		String tenant = newTenant("dunning-dso");
		String domain = tenant + ".example.com";
		GraphQlTester finance = graphQl(tenant, Role.FINANCE);
		cadence(finance, "SMB", List.of(step(7, "REMINDER"), step(15, "FORMAL_NOTICE")));
		contact(finance, "D1", "SMB", "d1@" + domain, "FR");
		contact(finance, "D2", "SMB", "d2@" + domain, "FR");
		contact(finance, "D3", "KEY", "d3@" + domain, "FR");
		String d1 = invoice(finance, "S-1", "D1", "2026-02-01", "2026-03-03", "3000.00");
		String d2 = invoice(finance, "S-2", "D2", "2026-02-01", "2026-03-03", "1000.00");
		invoice(finance, "K-1", "D3", "2026-02-01", "2026-03-03", "5000.00");

		dso(finance, "SMB", "2026-03-09").path("dunningDso.days").entity(String.class).isEqualTo("90.00")
			.path("dunningDso.openReceivables.amount").entity(String.class).satisfies(amount -> assertThat(amount).startsWith("4000"));
		run(finance, "2026-03-10").path("runDunning.sentCount").entity(Integer.class).isEqualTo(2);
		run(finance, "2026-03-18").path("runDunning.sentCount").entity(Integer.class).isEqualTo(2);
		pay(finance, d1, "2026-03-20", "3000.00");
		pay(finance, d2, "2026-03-20", "500.00");

		GraphQlTester.Response after = dso(finance, "SMB", "2026-03-31");
		after.path("dunningDso.days").entity(String.class).isEqualTo("11.25");
		after.path("dunningDso.windowDays").entity(Integer.class).isEqualTo(90);
		after.path("dunningDso.invoiced.amount").entity(String.class).satisfies(amount -> assertThat(amount).startsWith("4000"));
		dso(finance, "KEY", "2026-03-31").path("dunningDso.days").entity(String.class).isEqualTo("90.00");
		assertThat(mails(domain)).hasSize(4);
	}

	private static Map<String, Object> step(int offsetDays, String tone) {
		return Map.of("offsetDays", offsetDays, "channel", "EMAIL", "tone", tone);
	}

	private static GraphQlTester.Response cadence(GraphQlTester finance, String segment, List<Map<String, Object>> steps) {
		return finance.document("mutation($input: SetDunningCadenceInput!) { setDunningCadence(input: $input) { "
				+ "cadence { segment revision steps { offsetDays channel tone } } userErrors { code field } } }")
			.variable("input", Map.of("segment", segment, "steps", steps))
			.execute();
	}

	private static GraphQlTester.Response contact(GraphQlTester finance, String customer, String segment, String email, String language) {
		return finance.document("mutation($input: SetDunningContactInput!) { setDunningContact(input: $input) { "
				+ "contact { customerCode } userErrors { code field } } }")
			.variable("input", Map.of("customerCode", customer, "segment", segment, "email", email, "language", language))
			.execute();
	}

	private static GraphQlTester.Response run(GraphQlTester finance, String asOf) {
		GraphQlTester.Response response = finance.document(RUN).variable("asOf", asOf).execute();
		response.path("runDunning.userErrors").entityList(Object.class).hasSize(0);
		response.path("runDunning.failedCount").entity(Integer.class).isEqualTo(0);
		return response;
	}

	private static GraphQlTester.Response dso(GraphQlTester finance, String segment, String asOf) {
		return finance.document("query($segment: String!, $asOf: Date!) { dunningDso(segment: $segment, currency: \"EUR\", asOf: $asOf) { "
				+ "days windowDays openReceivables { amount } invoiced { amount } } }")
			.variable("segment", segment)
			.variable("asOf", asOf)
			.execute();
	}

	private static String invoice(GraphQlTester finance, String number, String customer, String issue, String due, String amount) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("idempotencyKey", "inv-" + number);
		input.put("kind", "CUSTOMER");
		input.put("number", number);
		input.put("counterpartyCode", customer);
		input.put("counterpartyName", "Customer " + customer);
		input.put("region", "FR");
		input.put("issueDate", issue);
		input.put("dueDate", due);
		input.put("amount", amount);
		input.put("currency", "EUR");
		return finance.documentName("receivablesCreateInvoice").variable("input", input).execute()
			.path("createInvoice.invoice.id").entity(String.class).get();
	}

	private static void pay(GraphQlTester finance, String invoiceId, String date, String amount) {
		finance.documentName("receivablesRecordPayment")
			.variable("input", Map.of("idempotencyKey", "pay-" + invoiceId + date, "invoiceId", invoiceId, "paymentDate", date,
					"amount", amount, "currency", "EUR"))
			.execute()
			.path("recordPayment.userErrors").entityList(Object.class).hasSize(0);
	}

	private static MimeMessage[] mails(String domain) {
		return TestServices.shared().smtp().getReceivedMessagesForDomain(domain);
	}

	/** The subjects received in the domain; GreenMail answers them mailbox by mailbox, so only one mailbox's are in order. */
	private static List<String> subjects(String domain) throws Exception {
		List<String> subjects = new java.util.ArrayList<>();
		for (MimeMessage message : mails(domain)) {
			subjects.add(message.getSubject());
		}
		return subjects;
	}

	private static Map<String, MimeMessage> byRecipient(MimeMessage[] messages) throws Exception {
		Map<String, MimeMessage> byRecipient = new LinkedHashMap<>();
		for (MimeMessage message : messages) {
			byRecipient.put(Arrays.stream(message.getAllRecipients()).map(Object::toString).findFirst().orElseThrow(), message);
		}
		return byRecipient;
	}

	private static int auditCount(GraphQlTester auditor, String action) {
		return auditor.document("query($action: String) { auditLog(first: 50, action: $action) { nodes { action } } }")
			.variable("action", action).execute()
			.path("auditLog.nodes[*].action").entityList(String.class).get().size();
	}

	private static void refused(GraphQlTester.Response response) {
		response.errors().satisfy(errors -> assertThat(errors).isNotEmpty()
			.allSatisfy(error -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
	}

}
