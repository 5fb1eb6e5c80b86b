package com.performanceos.ledger.receivables.invoices;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import com.performanceos.ledger.receivables.ReceivablesFixtures;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;

class InvoiceIntegrationTests extends IntegrationTest {

	@Test
	void paymentsDeriveThePaidAndOpenAmountsAndTheStatus() {
		GraphQlTester finance = graphQl(newTenant("invoices"), Role.FINANCE);
		ReceivablesFixtures fixtures = new ReceivablesFixtures(finance);
		String invoice = fixtures.invoice("CUSTOMER", "FA-1", "C-ACME", "NORTH", "2026-03-01", "2026-03-31", "1000.00", "EUR");

		fixtures.paymentResponse(invoice, "p1", "2026-03-10", "400", "EUR")
			.path("recordPayment.invoice.status").entity(String.class).isEqualTo("PARTIALLY_PAID")
			.path("recordPayment.invoice.paidAmount.amount").entity(String.class).isEqualTo("400.00")
			.path("recordPayment.invoice.openAmount.amount").entity(String.class).isEqualTo("600.00");
		fixtures.paymentResponse(invoice, "p2", "2026-04-02", "600.00", "EUR")
			.path("recordPayment.invoice.status").entity(String.class).isEqualTo("PAID")
			.path("recordPayment.invoice.openAmount.amount").entity(String.class).isEqualTo("0.00");
		fixtures.invoice("CUSTOMER", "FA-2", "C-ACME", "NORTH", "2026-03-05", "2026-04-04", "50", "EUR");

		finance.documentName("receivablesInvoices").variable("status", "PAID").execute()
			.path("invoices.totalCount").entity(Integer.class).isEqualTo(1)
			.path("invoices.nodes[0].number").entity(String.class).isEqualTo("FA-1")
			.path("invoices.nodes[0].payments[*].amount.amount").entityList(String.class).containsExactly("400.00", "600.00");
		finance.documentName("receivablesInvoices").variable("status", "OPEN").execute()
			.path("invoices.nodes[*].number").entityList(String.class).containsExactly("FA-2");
	}

	@Test
	void overpaymentIsRefusedAndNothingIsStored() throws Exception {
		String tenant = newTenant("overpay");
		GraphQlTester finance = graphQl(tenant, Role.FINANCE);
		ReceivablesFixtures fixtures = new ReceivablesFixtures(finance);
		String invoice = fixtures.invoice("SUPPLIER", "F-77", "S-STEEL", "EAST", "2026-05-01", "2026-05-31", "1000", "EUR");
		fixtures.payment(invoice, "first", "2026-05-10", "700", "EUR");

		fixtures.paymentResponse(invoice, "second", "2026-05-12", "300.01", "EUR")
			.path("recordPayment.payment").valueIsNull()
			.path("recordPayment.userErrors[0].code").entity(String.class).isEqualTo("OVERPAYMENT")
			.path("recordPayment.userErrors[0].field").entityList(String.class).containsExactly("input", "amount");

		UUID key = GlobalId.decode(invoice, "Invoice").orElseThrow();
		assertThat(stored(key)).containsEntry("payments", 1L).containsEntry("paid", new BigDecimal("700.000000"));
		assertThat(auditCount(tenant, "ledger.invoice.payment.recorded")).isEqualTo(1);
		// The refused attempt left no idempotency claim behind: the same key with a valid amount works.
		fixtures.paymentResponse(invoice, "second", "2026-05-12", "300", "EUR")
			.path("recordPayment.invoice.status").entity(String.class).isEqualTo("PAID");
	}

	@Test
	void creationIsIdempotentAndNumbersAreUniquePerKind() {
		GraphQlTester finance = graphQl(newTenant("inv-idem"), Role.FINANCE);
		ReceivablesFixtures fixtures = new ReceivablesFixtures(finance);
		String first = fixtures.invoice("CUSTOMER", "FA-9", "C-ACME", "NORTH", "2026-03-01", "2026-03-31", "10", "EUR");
		assertThat(fixtures.invoice("CUSTOMER", "FA-9", "C-ACME", "NORTH", "2026-03-01", "2026-03-31", "10.00", "EUR")).isEqualTo(first);
		fixtures.invoice("SUPPLIER", "FA-9", "S-ACME", "NORTH", "2026-03-01", "2026-03-31", "10", "EUR");

		Map<String, Object> changed = input("inv-CUSTOMER-FA-9", "CUSTOMER", "FA-9", "2026-03-01", "2026-03-31", "11");
		finance.documentName("receivablesCreateInvoice").variable("input", changed).execute()
			.path("createInvoice.userErrors[0].code").entity(String.class).isEqualTo("IDEMPOTENCY_CONFLICT");
		finance.documentName("receivablesCreateInvoice")
			.variable("input", input("another-key", "CUSTOMER", "FA-9", "2026-03-01", "2026-03-31", "10")).execute()
			.path("createInvoice.userErrors[0].code").entity(String.class).isEqualTo("DUPLICATE_INVOICE_NUMBER");
		finance.documentName("receivablesCreateInvoice")
			.variable("input", input("bad-dates", "CUSTOMER", "FA-10", "2026-03-31", "2026-03-01", "0")).execute()
			.path("createInvoice.userErrors[*].field[1]").entityList(String.class).containsExactly("dueDate", "amount");
	}

	@Test
	void paymentInAnotherCurrencyIsRefusedAndOtherTenantsSeeNothing() {
		GraphQlTester finance = graphQl(newTenant("inv-a"), Role.FINANCE);
		ReceivablesFixtures fixtures = new ReceivablesFixtures(finance);
		String invoice = fixtures.invoice("CUSTOMER", "FA-1", "C-ACME", "NORTH", "2026-03-01", "2026-03-31", "10", "EUR");
		fixtures.paymentResponse(invoice, "usd", "2026-03-10", "5", "USD")
			.path("recordPayment.userErrors[0].code").entity(String.class).isEqualTo("CURRENCY_MISMATCH");

		GraphQlTester other = graphQl(newTenant("inv-b"), Role.FINANCE);
		other.documentName("receivablesInvoices").execute().path("invoices.totalCount").entity(Integer.class).isEqualTo(0);
		new ReceivablesFixtures(other).paymentResponse(invoice, "steal", "2026-03-10", "5", "EUR")
			.path("recordPayment.userErrors[0].code").entity(String.class).isEqualTo("INVOICE_NOT_FOUND");
	}

	private static Map<String, Object> input(String key, String kind, String number, String issued, String due, String amount) {
		Map<String, Object> input = new HashMap<>();
		input.put("idempotencyKey", key);
		input.put("kind", kind);
		input.put("number", number);
		input.put("counterpartyCode", "C-ACME");
		input.put("counterpartyName", "C-ACME SAS");
		input.put("region", "NORTH");
		input.put("issueDate", issued);
		input.put("dueDate", due);
		input.put("amount", amount);
		input.put("currency", "EUR");
		return input;
	}

	private static Map<String, Object> stored(UUID invoiceKey) throws Exception {
		try (Connection connection = TestServices.shared().superuserConnection();
				var statement = connection.prepareStatement("SELECT paid_amount, "
						+ "(SELECT count(*) FROM ledger_invoice_payment WHERE invoice_id = i.id) AS payments FROM ledger_invoice i WHERE id = ?")) {
			statement.setObject(1, invoiceKey);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return Map.of("paid", rows.getBigDecimal("paid_amount"), "payments", rows.getLong("payments"));
			}
		}
	}

	private static long auditCount(String tenant, String action) throws Exception {
		try (Connection connection = TestServices.shared().superuserConnection();
				var statement = connection.prepareStatement("SELECT count(*) FROM audit_log WHERE tenant_id = ? AND action = ?")) {
			statement.setString(1, tenant);
			statement.setString(2, action);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

}
