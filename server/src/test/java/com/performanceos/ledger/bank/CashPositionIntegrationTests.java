package com.performanceos.ledger.bank;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import com.performanceos.platform.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cash position and flows against a fixture computed by hand. Three bank accounts: two in EUR (BNP
 * Paribas FR-PARIS, opened 2026-03-01 with 10,000.00; Crédit Agricole FR-LYON, opened 2026-04-01
 * with 5,000.00) and one in USD (HSBC FR-PARIS, opened 2026-03-01 with 2,000.00). Transactions
 * booked before an account's opening date are in its opening balance, so positions leave them out;
 * flows count every transaction in the range.
 */
class CashPositionIntegrationTests extends BankTestSupport {

	private String tenant;

	@BeforeEach
	void fixture() {
		tenant = newTenant("cash");
		var finance = graphQl(tenant, Role.FINANCE);
		String euros = ledgerAccount(finance, "512000", "ASSET", "EUR");
		String dollars = ledgerAccount(finance, "512200", "ASSET", "USD");
		bankAccount(finance, bankAccountInput("a", "Compte courant", "BNP Paribas", "FR-PARIS", "EUR", iban("30004000031234567890143"),
				euros, "10000.00", "2026-03-01", "a-" + tenant));
		bankAccount(finance, bankAccountInput("b", "Compte Lyon", "Crédit Agricole", "FR-LYON", "EUR", iban("18206000141234567890155"),
				euros, "5000.00", "2026-04-01", "b-" + tenant));
		bankAccount(finance, bankAccountInput("c", "USD account", "HSBC", "FR-PARIS", "USD", iban("30056000011234567890166"),
				dollars, "2000.00", "2026-03-01", "c-" + tenant));
		deliverSigned(batch("a-" + tenant, List.of(
				transaction("a1", "2026-02-27", "500.00", "EUR", "Client", "Before opening"),
				transaction("a2", "2026-03-02", "1200.50", "EUR", "Client", "VIR"),
				transaction("a3", "2026-03-04", "-300.25", "EUR", "Fournisseur", "PRLV"),
				transaction("a4", "2026-03-10", "-1000", "EUR", "Fournisseur", "PRLV"),
				transaction("a5", "2026-04-15", "250", "EUR", "Client", "VIR")))).expectStatus().isOk();
		deliverSigned(batch("b-" + tenant, List.of(
				transaction("b1", "2026-03-20", "999", "EUR", "Client", "Before opening"),
				transaction("b2", "2026-04-02", "-450.10", "EUR", "Fournisseur", "PRLV")))).expectStatus().isOk();
		deliverSigned(batch("c-" + tenant, List.of(
				transaction("c1", "2026-03-05", "100", "USD", "Client", "VIR"),
				transaction("c2", "2026-04-20", "-40", "USD", "Fournisseur", "PRLV")))).expectStatus().isOk();
	}

	@Test
	void positionPerCurrencyLeavesOutAccountsNotYetOpenedAndTransactionsInTheOpeningBalance() {
		assertThat(position("2026-03-31", List.of("CURRENCY"))).containsExactly(
				List.of("EUR", "", "", "9900.25", "1"),
				List.of("USD", "", "", "2100", "1"));
	}

	@Test
	void positionPerBankAndPerEntity() {
		assertThat(position("2026-04-30", List.of("BANK"))).containsExactly(
				List.of("EUR", "BNP Paribas", "", "10150.25", "1"),
				List.of("EUR", "Crédit Agricole", "", "4549.9", "1"),
				List.of("USD", "HSBC", "", "2060", "1"));
		assertThat(position("2026-04-30", List.of("ENTITY"))).containsExactly(
				List.of("EUR", "", "FR-LYON", "4549.9", "1"),
				List.of("EUR", "", "FR-PARIS", "10150.25", "1"),
				List.of("USD", "", "FR-PARIS", "2060", "1"));
		assertThat(position("2026-04-30", List.of("CURRENCY"))).containsExactly(
				List.of("EUR", "", "", "14700.15", "2"),
				List.of("USD", "", "", "2060", "1"));
	}

	@Test
	void flowsPerWeekMonthAndDay() {
		assertThat(flows("2026-03-01", "2026-03-31", "WEEK")).containsExactly(
				List.of("2026-03-02", "2026-03-08", "EUR", "1200.5", "300.25", "900.25"),
				List.of("2026-03-02", "2026-03-08", "USD", "100", "0", "100"),
				List.of("2026-03-09", "2026-03-15", "EUR", "0", "1000", "-1000"),
				List.of("2026-03-16", "2026-03-22", "EUR", "999", "0", "999"));
		assertThat(flows("2026-02-01", "2026-04-30", "MONTH")).containsExactly(
				List.of("2026-02-01", "2026-02-28", "EUR", "500", "0", "500"),
				List.of("2026-03-01", "2026-03-31", "EUR", "2199.5", "1300.25", "899.25"),
				List.of("2026-03-01", "2026-03-31", "USD", "100", "0", "100"),
				List.of("2026-04-01", "2026-04-30", "EUR", "250", "450.1", "-200.1"),
				List.of("2026-04-01", "2026-04-30", "USD", "0", "40", "-40"));
		assertThat(flows("2026-03-02", "2026-03-04", "DAY")).containsExactly(
				List.of("2026-03-02", "2026-03-02", "EUR", "1200.5", "0", "1200.5"),
				List.of("2026-03-04", "2026-03-04", "EUR", "0", "300.25", "-300.25"));
	}

	@Test
	void tooManyBucketsIsABadRequest() {
		graphQl(tenant, Role.ANALYST).documentName("cashFlowsQuery")
			.variable("from", "2024-01-01").variable("to", "2026-01-01").variable("grain", "DAY")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT")));
	}

	@SuppressWarnings("unchecked")
	private List<List<String>> position(String asOf, List<String> groupBy) {
		GraphQlTester.Response response = graphQl(tenant, Role.ANALYST).documentName("cashPositionQuery")
			.variable("asOf", asOf).variable("groupBy", groupBy).execute();
		return response.path("cashPosition.lines").entityList(Map.class).get().stream().map(line -> {
			Map<String, Object> balance = (Map<String, Object>) line.get("balance");
			assertThat(balance.get("currency")).isEqualTo(line.get("currency"));
			return List.of((String) line.get("currency"), orEmpty(line.get("bankName")), orEmpty(line.get("entity")),
					plain(balance.get("amount")), String.valueOf(line.get("bankAccountCount")));
		}).toList();
	}

	@SuppressWarnings("unchecked")
	private List<List<String>> flows(String from, String to, String grain) {
		return graphQl(tenant, Role.AUDITOR).documentName("cashFlowsQuery")
			.variable("from", from).variable("to", to).variable("grain", grain).execute()
			.path("cashFlows").entityList(Map.class).get().stream()
			.map(bucket -> List.of((String) bucket.get("start"), (String) bucket.get("end"), (String) bucket.get("currency"),
					plain(((Map<String, Object>) bucket.get("inflow")).get("amount")),
					plain(((Map<String, Object>) bucket.get("outflow")).get("amount")),
					plain(((Map<String, Object>) bucket.get("net")).get("amount"))))
			.toList();
	}

	private static String orEmpty(Object value) {
		return value == null ? "" : (String) value;
	}

	private static String plain(Object amount) {
		return new BigDecimal((String) amount).stripTrailingZeros().toPlainString();
	}

}
