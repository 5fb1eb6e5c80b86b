package com.performanceos.scenarios.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.test.tester.GraphQlTester;

import com.performanceos.ledger.bank.BankFixtures;
import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recurring flows in a noisy year of bank history delivered through the aggregator's webhook: the monthly
 * rent and the weekly payroll are proposed, a one-off and scattered receipts are not; only confirmed series
 * enter the forecast.
 */
class RecurringFlowIntegrationTests extends IntegrationTest {

	@Autowired
	private ApplicationContext context;

	@Test
	void findsRentAndPayrollNotTheOneOffAndOnlyConfirmedSeriesEnterTheForecast() {
		String tenant = newTenant("recur");
		GraphQlTester finance = graphQl(tenant, Role.FINANCE);
		String externalId = "agg-" + tenant;
		String ledgerAccount = finance.documentName("createAccount")
			.variable("input", Map.of("idempotencyKey", "acc", "code", "512000", "name", "Bank", "type", "ASSET", "currency", "EUR"))
			.execute().path("createAccount.account.id").entity(String.class).get();
		Map<String, Object> bank = new LinkedHashMap<>();
		bank.put("idempotencyKey", "bank");
		bank.put("name", "Main account");
		bank.put("bankName", "Banque");
		bank.put("entity", "FR-PARIS");
		bank.put("currency", "EUR");
		bank.put("iban", BankFixtures.iban("30004000031234567890" + "144"));
		bank.put("ledgerAccountId", ledgerAccount);
		bank.put("openingBalance", "100000.00");
		bank.put("openingDate", "2025-01-01");
		bank.put("externalId", externalId);
		finance.documentName("bankCreateBankAccount").variable("input", bank).execute()
			.path("createBankAccount.userErrors").entityList(Object.class).hasSize(0);

		List<Map<String, Object>> history = new ArrayList<>();
		// Rent on the 5th of every month with the month in the label; payroll every Friday, ±1.5 % around 3,000.
		for (int month = 0; month < 12; month++) {
			LocalDate day = LocalDate.parse("2025-03-05").plusMonths(month);
			history.add(BankFixtures.transaction("rent-" + month, day.toString(), "-2400.00", "EUR", "Loyer SCI Rivoli " + day.getMonthValue() + "/" + day.getYear(), "LOYER"));
		}
		for (int week = 0; week < 52; week++) {
			String amount = new BigDecimal("-3000.00").add(BigDecimal.valueOf((week % 7 - 3) * 15)).toString();
			history.add(BankFixtures.transaction("pay-" + week, LocalDate.parse("2025-03-07").plusWeeks(week).toString(), amount, "EUR",
					"PAYROLL SERVICES", "SALAIRES"));
		}
		history.add(BankFixtures.transaction("notary", "2025-09-12", "-15000.00", "EUR", "NOTAIRE DUPONT", "ACTE"));
		for (int receipt = 0; receipt < 20; receipt++) {
			history.add(BankFixtures.transaction("in-" + receipt, LocalDate.parse("2025-03-10").plusDays(17L * receipt).toString(),
					(1000 + 37 * receipt) + ".00", "EUR", "CLIENT " + (char) ('A' + receipt), "VIR"));
		}
		new BankFixtures(web, context).deliverAll(externalId, history);

		String proposals = "{ recurringFlowProposals(asOf: \"2026-03-02\") { seriesKey counterparty cadence amount { amount } nextOccurrence "
				+ "confidence transactionIds decision } }";
		GraphQlTester.Response found = finance.document(proposals).execute();
		found.path("recurringFlowProposals[*].seriesKey").entityList(String.class)
			.containsExactly("LOYER SCI RIVOLI|EUR|OUT", "PAYROLL SERVICES|EUR|OUT");
		found.path("recurringFlowProposals[0].cadence").entity(String.class).isEqualTo("MONTHLY");
		found.path("recurringFlowProposals[0].nextOccurrence").entity(String.class).isEqualTo("2026-03-05");
		found.path("recurringFlowProposals[0].transactionIds").entityList(String.class).hasSize(12);
		found.path("recurringFlowProposals[1].cadence").entity(String.class).isEqualTo("WEEKLY");
		found.path("recurringFlowProposals[1].nextOccurrence").entity(String.class).isEqualTo("2026-03-06");
		found.path("recurringFlowProposals[*].decision").entityList(String.class).containsExactly("PROPOSED", "PROPOSED");

		String base = ScenarioFixture.scenario(finance, "Base", "BASE", Map.of());
		assertThat(recurringOut(finance, base)).isEqualByComparingTo("0");

		decide(finance, "LOYER SCI RIVOLI|EUR|OUT", "CONFIRMED", null);
		decide(finance, "PAYROLL SERVICES|EUR|OUT", "DISMISSED", null);
		// Rent on 03-05, 04-05 and 05-05 within the 91 days to 2026-05-31; the dismissed payroll never.
		assertThat(recurringOut(finance, base)).isEqualByComparingTo("7200");

		decide(finance, "PAYROLL SERVICES|EUR|OUT", "CONFIRMED", "-3100");
		// Plus 13 Fridays from 03-06 to 05-29 at the edited 3,100.
		assertThat(recurringOut(finance, base)).isEqualByComparingTo("47500");
		finance.document(proposals).execute().path("recurringFlowProposals[*].decision").entityList(String.class)
			.containsExactly("CONFIRMED", "CONFIRMED");
	}

	private static void decide(GraphQlTester finance, String seriesKey, String decision, String amount) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("seriesKey", seriesKey);
		input.put("decision", decision);
		if (amount != null) {
			input.put("amount", amount);
		}
		finance.document("mutation($input: DecideRecurringFlowInput!) { decideRecurringFlow(input: $input) { decision userErrors { code } } }")
			.variable("input", input).execute()
			.path("decideRecurringFlow.decision").entity(String.class).isEqualTo(decision);
	}

	private static BigDecimal recurringOut(GraphQlTester finance, String scenario) {
		return finance.document("query($id: ID!) { node(id: $id) { ... on Scenario { forecast(asOf: \"2026-03-02\") { "
				+ "buckets(granularity: WEEK) { outflows { category amount { amount } } } } } } }")
			.variable("id", scenario).execute()
			.path("node.forecast.buckets[*].outflows[?(@.category == 'RECURRING')].amount.amount").entityList(BigDecimal.class).get()
			.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
