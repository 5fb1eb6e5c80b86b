package com.performanceos.ledger.receivables;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.test.tester.GraphQlTester;

/** Writes invoices, payments, accounts and journal entries through the API for the receivables tests. */
public final class ReceivablesFixtures {

	private final GraphQlTester tester;

	public ReceivablesFixtures(GraphQlTester tester) {
		this.tester = tester;
	}

	/** Creates an invoice and returns its global id. */
	public String invoice(String kind, String number, String counterparty, String region, String issued, String due,
			String amount, String currency) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("idempotencyKey", "inv-" + kind + "-" + number);
		input.put("kind", kind);
		input.put("number", number);
		input.put("counterpartyCode", counterparty);
		input.put("counterpartyName", counterparty + " SAS");
		input.put("region", region);
		input.put("issueDate", issued);
		input.put("dueDate", due);
		input.put("amount", amount);
		input.put("currency", currency);
		return tester.documentName("receivablesCreateInvoice").variable("input", input).execute()
			.path("createInvoice.userErrors").entityList(Object.class).hasSize(0)
			.path("createInvoice.invoice.id").entity(String.class).get();
	}

	/** Records a payment that must succeed. */
	public void payment(String invoiceId, String key, String date, String amount, String currency) {
		paymentResponse(invoiceId, key, date, amount, currency).path("recordPayment.userErrors").entityList(Object.class).hasSize(0);
	}

	public GraphQlTester.Response paymentResponse(String invoiceId, String key, String date, String amount, String currency) {
		return tester.documentName("receivablesRecordPayment")
			.variable("input", Map.of("idempotencyKey", key, "invoiceId", invoiceId, "paymentDate", date, "amount", amount,
					"currency", currency))
			.execute();
	}

	/** Creates a pivot account and returns its global id. */
	public String account(String code, String type) {
		return tester.documentName("createAccount")
			.variable("input", Map.of("idempotencyKey", "acc-" + code, "code", code, "name", code, "type", type, "currency", "EUR"))
			.execute().path("createAccount.account.id").entity(String.class).get();
	}

	/** Posts a two-line EUR entry. */
	public void entry(String key, String date, String debitAccount, String creditAccount, String amount) {
		tester.documentName("postJournalEntry")
			.variable("input", Map.of("idempotencyKey", key, "effectiveDate", date, "description", "Fixture " + key, "lines",
					List.of(Map.of("accountId", debitAccount, "side", "DEBIT", "amount", amount, "currency", "EUR"),
							Map.of("accountId", creditAccount, "side", "CREDIT", "amount", amount, "currency", "EUR"))))
			.execute().path("postJournalEntry.userErrors").entityList(Object.class).hasSize(0);
	}

}
