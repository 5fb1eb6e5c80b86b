package com.performanceos.ledger.receivables.workingcapital;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import com.performanceos.ledger.receivables.ReceivablesFixtures;
import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

/**
 * Working capital over the 90 days ending 2026-06-30 (2026-04-02 to 2026-06-30), in EUR.
 * <pre>
 * CUSTOMER invoices        issued      amount   paid by 06-30     open    in period
 *   W1                     2026-03-15  10,000   10,000 (04-10)        0   no
 *   W2                     2026-04-10  30,000   12,000 (05-20)   18,000   yes
 *   W3                     2026-06-15  15,000        0           15,000   yes
 *   W4                     2026-05-05   5,000   0 (paid 07-10)    5,000   yes
 *   W5                     2026-07-02   7,000   after the period: ignored
 *   WU (USD)               2026-05-01   9,999   other currency: ignored
 *   receivables = 38,000; credit sales = 50,000; DSO = 38,000 / 50,000 × 90 = 68.40
 *
 * SUPPLIER invoices
 *   P1                     2026-04-20  12,000    4,000 (05-15)    8,000   yes
 *   P2                     2026-06-01   9,000        0            9,000   yes
 *   P3                     2026-01-10   2,000        0            2,000   no
 *   payables = 19,000; purchases = 21,000; DPO = 19,000 × 90 / 21,000 = 81.428571… → 81.43
 *
 * Journal (debit / credit)
 *   2026-01-05  310000 / 512000  20,000   stock bought before the period
 *   2026-03-20  601000 / 512000  99,000   purchases before the period: not cost of sales
 *   2026-04-15  601000 / 401000  24,000
 *   2026-05-10  370000 / 401000   6,000
 *   2026-05-31  401000 / 609000   1,500   rebate: a credit on a "60" account
 *   2026-06-30  601000 / 310000   6,000   stock consumed
 *   2026-07-01  310000 / 512000   5,000   after the period: ignored
 *   inventory (prefix 3) = 20,000 − 6,000 + 6,000 = 20,000
 *   cost of sales (prefix 60, in period) = 24,000 − 1,500 + 6,000 = 28,500
 *   DIO = 20,000 × 90 / 28,500 = 63.157894… → 63.16
 *   CCC = 68.40 + 63.16 − 81.43 = 50.13
 *   with inventory prefix "37" only: 6,000 × 90 / 28,500 = 18.947368… → 18.95
 * </pre>
 */
class WorkingCapitalIntegrationTests extends IntegrationTest {

	@Test
	void ratiosEqualTheHandComputedValues() {
		String tenant = newTenant("wcap");
		ReceivablesFixtures fixtures = new ReceivablesFixtures(graphQl(tenant, Role.FINANCE));
		String w1 = fixtures.invoice("CUSTOMER", "W1", "C1", "NORTH", "2026-03-15", "2026-04-14", "10000", "EUR");
		fixtures.payment(w1, "w1", "2026-04-10", "10000", "EUR");
		String w2 = fixtures.invoice("CUSTOMER", "W2", "C1", "NORTH", "2026-04-10", "2026-05-10", "30000", "EUR");
		fixtures.payment(w2, "w2", "2026-05-20", "12000", "EUR");
		fixtures.invoice("CUSTOMER", "W3", "C2", "NORTH", "2026-06-15", "2026-07-15", "15000", "EUR");
		String w4 = fixtures.invoice("CUSTOMER", "W4", "C2", "NORTH", "2026-05-05", "2026-06-04", "5000", "EUR");
		fixtures.payment(w4, "w4", "2026-07-10", "5000", "EUR");
		fixtures.invoice("CUSTOMER", "W5", "C2", "NORTH", "2026-07-02", "2026-08-01", "7000", "EUR");
		fixtures.invoice("CUSTOMER", "WU", "C3", "NORTH", "2026-05-01", "2026-05-31", "9999", "USD");
		String p1 = fixtures.invoice("SUPPLIER", "P1", "S1", "NORTH", "2026-04-20", "2026-05-20", "12000", "EUR");
		fixtures.payment(p1, "p1", "2026-05-15", "4000", "EUR");
		fixtures.invoice("SUPPLIER", "P2", "S1", "NORTH", "2026-06-01", "2026-07-01", "9000", "EUR");
		fixtures.invoice("SUPPLIER", "P3", "S2", "NORTH", "2026-01-10", "2026-02-10", "2000", "EUR");
		String rawMaterials = fixtures.account("310000", "ASSET");
		String goods = fixtures.account("370000", "ASSET");
		String purchases = fixtures.account("601000", "EXPENSE");
		String rebates = fixtures.account("609000", "EXPENSE");
		String bank = fixtures.account("512000", "ASSET");
		String suppliers = fixtures.account("401000", "LIABILITY");
		fixtures.entry("j1", "2026-01-05", rawMaterials, bank, "20000");
		fixtures.entry("j2", "2026-03-20", purchases, bank, "99000");
		fixtures.entry("j3", "2026-04-15", purchases, suppliers, "24000");
		fixtures.entry("j4", "2026-05-10", goods, suppliers, "6000");
		fixtures.entry("j5", "2026-05-31", suppliers, rebates, "1500");
		fixtures.entry("j6", "2026-06-30", purchases, rawMaterials, "6000");
		fixtures.entry("j7", "2026-07-01", rawMaterials, bank, "5000");

		GraphQlTester analyst = graphQl(tenant, Role.ANALYST);
		analyst.documentName("receivablesWorkingCapital").variable("endDate", "2026-06-30").variable("days", 90)
			.variable("currency", "EUR").execute()
			.path("workingCapital.startDate").entity(String.class).isEqualTo("2026-04-02")
			.path("workingCapital.dso.numerator.amount").entity(String.class).isEqualTo("38000.00")
			.path("workingCapital.dso.denominator.amount").entity(String.class).isEqualTo("50000.00")
			.path("workingCapital.dso.days").entity(String.class).isEqualTo("68.40")
			.path("workingCapital.dpo.numerator.amount").entity(String.class).isEqualTo("19000.00")
			.path("workingCapital.dpo.denominator.amount").entity(String.class).isEqualTo("21000.00")
			.path("workingCapital.dpo.days").entity(String.class).isEqualTo("81.43")
			.path("workingCapital.dio.numerator.amount").entity(String.class).isEqualTo("20000.00")
			.path("workingCapital.dio.denominator.amount").entity(String.class).isEqualTo("28500.00")
			.path("workingCapital.dio.days").entity(String.class).isEqualTo("63.16")
			.path("workingCapital.ccc").entity(String.class).isEqualTo("50.13")
			.path("workingCapital.cccUnavailableReason").valueIsNull()
			.path("workingCapital.inventoryAccountPrefixes").entityList(String.class).containsExactly("3")
			.path("workingCapital.costOfSalesAccountPrefixes").entityList(String.class).containsExactly("60");

		analyst.documentName("receivablesWorkingCapital").variable("endDate", "2026-06-30").variable("days", 90)
			.variable("currency", "EUR").variable("inventory", List.of("37")).execute()
			.path("workingCapital.dio.days").entity(String.class).isEqualTo("18.95");
	}

	@Test
	void zeroDenominatorGivesNullWithAReason() {
		String tenant = newTenant("wcap-zero");
		new ReceivablesFixtures(graphQl(tenant, Role.FINANCE))
			.invoice("CUSTOMER", "OLD", "C1", "NORTH", "2026-01-01", "2026-01-31", "1000", "EUR");
		graphQl(tenant, Role.FINANCE).documentName("receivablesWorkingCapital").variable("endDate", "2026-06-30")
			.variable("days", 30).variable("currency", "EUR").execute()
			.path("workingCapital.dso.days").valueIsNull()
			.path("workingCapital.dso.numerator.amount").entity(String.class).isEqualTo("1000.00")
			.path("workingCapital.dso.unavailableReason").entity(String.class).isEqualTo("No credit sales in the period: the ratio is undefined")
			.path("workingCapital.dpo.days").valueIsNull()
			.path("workingCapital.dio.days").valueIsNull()
			.path("workingCapital.ccc").valueIsNull()
			.path("workingCapital.cccUnavailableReason").entity(String.class).isEqualTo("DSO, DIO, DPO unavailable");
	}

	@Test
	void outOfBoundsArgumentsAreRejected() {
		GraphQlTester analyst = graphQl(newTenant("wcap-bad"), Role.ANALYST);
		analyst.documentName("receivablesWorkingCapital").variable("endDate", "2026-06-30").variable("days", 0)
			.variable("currency", "EUR").execute()
			.errors().satisfy(errors -> org.assertj.core.api.Assertions.assertThat(errors).singleElement()
				.satisfies(error -> org.assertj.core.api.Assertions.assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT")));
		analyst.documentName("receivablesWorkingCapital").variable("endDate", "2026-06-30").variable("days", 30)
			.variable("currency", "EUR").variable("inventory", List.of("3%")).execute()
			.errors().satisfy(errors -> org.assertj.core.api.Assertions.assertThat(errors).singleElement()
				.satisfies(error -> org.assertj.core.api.Assertions.assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT")));
	}

}
