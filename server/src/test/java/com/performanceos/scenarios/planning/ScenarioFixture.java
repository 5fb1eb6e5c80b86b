package com.performanceos.scenarios.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.test.tester.GraphQlTester;

import com.performanceos.ledger.bank.BankFixtures;

/**
 * The forecast fixture of issue 12, written through the ledger's GraphQL API: a EUR bank account of
 * 3,000.00 opened on 2026-01-01; customer C1 paid a past invoice 10 days late, C2 4 days late, C3 has
 * no history (portfolio median fallback: round((4 + 10) / 2) = 7 days); 20 open customer invoices and
 * 10 open supplier bills, all issued on 2026-02-01. The forecast starts on {@link #AS_OF} (91 days, to
 * 2026-05-31). Run-rate history is shorter than eight weeks (first invoice 2026-01-15), so no new business.
 *
 * <pre>
 * C1: 8 × 1,000.00 due 2026-02-20 + 7k (k = 0..7), expected due + 10 d (the first, 2026-03-02, on the first day)
 * C2: 6 ×   500.00 due 2026-03-05 + 14k (k = 0..5), expected due + 4 d
 * C3: 6 × 2,000.00 due 2026-03-10 + 10k (k = 0..5), expected due + 7 d
 * supplier: 10 × 1,500.00 due 2026-03-03 + 7k (k = 0..9)
 * </pre>
 */
final class ScenarioFixture {

	static final LocalDate AS_OF = LocalDate.parse("2026-03-02");

	/** The open invoices' ids by number, for payments recorded later. */
	final Map<String, String> invoiceIds = new HashMap<>();

	private final GraphQlTester finance;

	private int keys;

	ScenarioFixture(GraphQlTester finance) {
		this.finance = finance;
	}

	ScenarioFixture write() {
		String ledgerAccount = finance.documentName("createAccount")
			.variable("input", Map.of("idempotencyKey", "acc", "code", "512000", "name", "Bank", "type", "ASSET", "currency", "EUR"))
			.execute()
			.path("createAccount.account.id").entity(String.class).get();
		Map<String, Object> bank = new LinkedHashMap<>();
		bank.put("idempotencyKey", "bank");
		bank.put("name", "Main account");
		bank.put("bankName", "Banque");
		bank.put("entity", "FR-PARIS");
		bank.put("currency", "EUR");
		bank.put("iban", BankFixtures.iban("30004000031234567890" + "143"));
		bank.put("ledgerAccountId", ledgerAccount);
		bank.put("openingBalance", "3000.00");
		bank.put("openingDate", "2026-01-01");
		finance.documentName("bankCreateBankAccount").variable("input", bank).execute()
			.path("createBankAccount.userErrors").entityList(Object.class).hasSize(0);

		pay(invoice("CUSTOMER", "H1", "C1", "2026-01-15", "2026-01-31", "1000.00"), "2026-02-10", "1000.00");
		pay(invoice("CUSTOMER", "H2", "C2", "2026-01-15", "2026-01-31", "1000.00"), "2026-02-04", "1000.00");
		for (int k = 0; k < 8; k++) {
			invoice("CUSTOMER", "C1-" + k, "C1", "2026-02-01", LocalDate.parse("2026-02-20").plusDays(7L * k).toString(), "1000.00");
		}
		for (int k = 0; k < 6; k++) {
			invoice("CUSTOMER", "C2-" + k, "C2", "2026-02-01", LocalDate.parse("2026-03-05").plusDays(14L * k).toString(), "500.00");
			invoice("CUSTOMER", "C3-" + k, "C3", "2026-02-01", LocalDate.parse("2026-03-10").plusDays(10L * k).toString(), "2000.00");
		}
		for (int k = 0; k < 10; k++) {
			invoice("SUPPLIER", "S-" + k, "SUP", "2026-02-01", LocalDate.parse("2026-03-03").plusDays(7L * k).toString(), "1500.00");
		}
		return this;
	}

	String invoice(String kind, String number, String customer, String issue, String due, String amount) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("idempotencyKey", "inv-" + kind + number);
		input.put("kind", kind);
		input.put("number", number);
		input.put("counterpartyCode", customer);
		input.put("counterpartyName", "Counterparty " + customer);
		input.put("region", "FR");
		input.put("issueDate", issue);
		input.put("dueDate", due);
		input.put("amount", amount);
		input.put("currency", "EUR");
		String id = finance.documentName("receivablesCreateInvoice").variable("input", input).execute()
			.path("createInvoice.invoice.id").entity(String.class).get();
		invoiceIds.put(number, id);
		return id;
	}

	void pay(String invoiceId, String date, String amount) {
		finance.documentName("receivablesRecordPayment")
			.variable("input", Map.of("idempotencyKey", "pay-" + (keys++) + "-" + invoiceId, "invoiceId", invoiceId, "paymentDate", date,
					"amount", amount, "currency", "EUR"))
			.execute()
			.path("recordPayment.userErrors").entityList(Object.class).hasSize(0);
	}

	/** Creates a scenario and answers its id. */
	static String scenario(GraphQlTester tester, String name, String template, Map<String, Object> drivers) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("idempotencyKey", "scenario-" + name);
		input.put("name", name);
		input.put("template", template);
		input.put("reportingCurrency", "EUR");
		input.put("drivers", drivers);
		GraphQlTester.Response response = tester.documentName("scenarioCreate").variable("input", input).execute();
		response.path("createScenario.userErrors").entityList(Object.class).hasSize(0);
		return response.path("createScenario.scenario.id").entity(String.class).get();
	}

	static List<String> weeklyClosings(GraphQlTester.Response forecast, String prefix) {
		List<String> closings = new ArrayList<>();
		for (Object closing : forecast.path(prefix + ".buckets[*].closing.amount").entityList(String.class).get()) {
			closings.add(new java.math.BigDecimal(closing.toString()).stripTrailingZeros().toPlainString());
		}
		return closings;
	}

}
