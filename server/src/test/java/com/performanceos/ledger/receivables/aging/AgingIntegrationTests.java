package com.performanceos.ledger.receivables.aging;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import com.performanceos.ledger.receivables.ReceivablesFixtures;
import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Aging of CUSTOMER invoices as of 2026-06-30 against a hand-computed fixture
 * (days past due = 2026-06-30 − due date):
 * <pre>
 *   inv  party region ccy  due         amount  payments (date amount)           open at asOf  days  bucket
 *   A1   ACME  NORTH  EUR  2026-07-15  1000    -                                 1000          -15   NOT_DUE
 *   A2   ACME  NORTH  EUR  2026-06-10  2000    06-15 500                         1500           20   1-30
 *   A3   ACME  SOUTH  EUR  2026-04-20  3000    07-05 3000 (after asOf: ignored)  3000           71   61-90
 *   A4   ACME  SOUTH  EUR  2026-05-31   100    -                                  100           30   1-30
 *   C1   ACME  NORTH  USD  2026-06-30   700    -                                  700            0   NOT_DUE
 *   B1   BETA  SOUTH  EUR  2026-05-16   800    06-01 300, 06-20 200               300           45   31-60
 *   B2   BETA  NORTH  EUR  2026-03-01   400    -                                  400          121   OVER_90
 *   B3   BETA  NORTH  EUR  2026-07-31   999    issued 07-01, after asOf          excluded
 *   B4   BETA  SOUTH  EUR  2026-06-01   250    06-25 250                          0            excluded
 *   B5   BETA  NORTH  EUR  2026-04-01    50    -                                   50           90   61-90
 *   S1   ACME  NORTH  EUR  2026-06-01  5000    SUPPLIER invoice                  not a receivable
 * </pre>
 * By counterparty: ACME/EUR [1000, 1600, 0, 3000, 0] = 5600 (4 invoices); ACME/USD [700, 0, 0, 0, 0];
 * BETA/EUR [0, 0, 300, 50, 400] = 750 (3). By region: NORTH/EUR [1000, 1500, 0, 50, 400] = 2950 (4);
 * NORTH/USD [700, 0, 0, 0, 0]; SOUTH/EUR [0, 100, 300, 3000, 0] = 3400 (3).
 */
class AgingIntegrationTests extends IntegrationTest {

	private GraphQlTester analyst;

	@BeforeEach
	void seed() {
		String tenant = newTenant("aging");
		ReceivablesFixtures fixtures = new ReceivablesFixtures(graphQl(tenant, Role.FINANCE));
		fixtures.invoice("CUSTOMER", "A1", "ACME", "NORTH", "2026-06-15", "2026-07-15", "1000", "EUR");
		String a2 = fixtures.invoice("CUSTOMER", "A2", "ACME", "NORTH", "2026-05-11", "2026-06-10", "2000", "EUR");
		fixtures.payment(a2, "a2-1", "2026-06-15", "500", "EUR");
		String a3 = fixtures.invoice("CUSTOMER", "A3", "ACME", "SOUTH", "2026-03-21", "2026-04-20", "3000", "EUR");
		fixtures.payment(a3, "a3-1", "2026-07-05", "3000", "EUR");
		fixtures.invoice("CUSTOMER", "A4", "ACME", "SOUTH", "2026-05-01", "2026-05-31", "100", "EUR");
		fixtures.invoice("CUSTOMER", "C1", "ACME", "NORTH", "2026-05-31", "2026-06-30", "700", "USD");
		String b1 = fixtures.invoice("CUSTOMER", "B1", "BETA", "SOUTH", "2026-04-16", "2026-05-16", "800", "EUR");
		fixtures.payment(b1, "b1-1", "2026-06-01", "300", "EUR");
		fixtures.payment(b1, "b1-2", "2026-06-20", "200", "EUR");
		fixtures.invoice("CUSTOMER", "B2", "BETA", "NORTH", "2026-01-30", "2026-03-01", "400", "EUR");
		fixtures.invoice("CUSTOMER", "B3", "BETA", "NORTH", "2026-07-01", "2026-07-31", "999", "EUR");
		String b4 = fixtures.invoice("CUSTOMER", "B4", "BETA", "SOUTH", "2026-05-02", "2026-06-01", "250", "EUR");
		fixtures.payment(b4, "b4-1", "2026-06-25", "250", "EUR");
		fixtures.invoice("CUSTOMER", "B5", "BETA", "NORTH", "2026-03-02", "2026-04-01", "50", "EUR");
		fixtures.invoice("SUPPLIER", "S1", "ACME", "NORTH", "2026-05-02", "2026-06-01", "5000", "EUR");
		analyst = graphQl(tenant, Role.ANALYST);
	}

	@Test
	void bucketsByCounterpartyEqualTheHandComputedValues() {
		var response = aging("COUNTERPARTY", 10, null);
		response.path("aging.totalCount").entity(Integer.class).isEqualTo(3);
		List<Map<String, Object>> rows = response.path("aging.nodes").entity(List.class).get();
		assertRow(rows.get(0), "ACME", "EUR", 4, "5600", "1000", "1600", "0", "3000", "0");
		assertRow(rows.get(1), "ACME", "USD", 1, "700", "700", "0", "0", "0", "0");
		assertRow(rows.get(2), "BETA", "EUR", 3, "750", "0", "0", "300", "50", "400");
		assertThat(rows.get(0)).containsEntry("name", "ACME SAS");
	}

	@Test
	void bucketsByRegionEqualTheHandComputedValuesAcrossPages() {
		var firstPage = aging("REGION", 2, null);
		firstPage.path("aging.totalCount").entity(Integer.class).isEqualTo(3)
			.path("aging.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		List<Map<String, Object>> rows = firstPage.path("aging.nodes").entity(List.class).get();
		assertRow(rows.get(0), "NORTH", "EUR", 4, "2950", "1000", "1500", "0", "50", "400");
		assertRow(rows.get(1), "NORTH", "USD", 1, "700", "700", "0", "0", "0", "0");
		String cursor = firstPage.path("aging.pageInfo.endCursor").entity(String.class).get();

		var secondPage = aging("REGION", 2, cursor);
		secondPage.path("aging.totalCount").entity(Integer.class).isEqualTo(3)
			.path("aging.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		List<Map<String, Object>> rest = secondPage.path("aging.nodes").entity(List.class).get();
		assertThat(rest).hasSize(1);
		assertRow(rest.get(0), "SOUTH", "EUR", 3, "3400", "0", "100", "300", "3000", "0");
	}

	@Test
	void payablesAgeSeparately() {
		analyst.documentName("receivablesAging").variable("kind", "SUPPLIER").variable("asOf", "2026-06-30")
			.variable("groupBy", "COUNTERPARTY").execute()
			.path("aging.nodes[*].total.amount").entityList(String.class).containsExactly("5000.00");
	}

	private GraphQlTester.Response aging(String groupBy, int first, String after) {
		var request = analyst.documentName("receivablesAging").variable("kind", "CUSTOMER").variable("asOf", "2026-06-30")
			.variable("groupBy", groupBy).variable("first", first);
		if (after != null) {
			request = request.variable("after", after);
		}
		return request.execute();
	}

	@SuppressWarnings("unchecked")
	private static void assertRow(Map<String, Object> row, String key, String currency, int count, String total, String... buckets) {
		assertThat(row).containsEntry("key", key).containsEntry("currency", currency).containsEntry("invoiceCount", count);
		assertThat(new BigDecimal((String) ((Map<String, Object>) row.get("total")).get("amount"))).isEqualByComparingTo(total);
		List<Map<String, Object>> amounts = (List<Map<String, Object>>) row.get("buckets");
		assertThat(amounts).extracting(bucket -> bucket.get("bucket"))
			.containsExactly("NOT_DUE", "DAYS_1_30", "DAYS_31_60", "DAYS_61_90", "OVER_90");
		for (int index = 0; index < buckets.length; index++) {
			Map<String, Object> amount = (Map<String, Object>) amounts.get(index).get("amount");
			assertThat(new BigDecimal((String) amount.get("amount"))).as(key + "/" + currency + " bucket " + index)
				.isEqualByComparingTo(buckets[index]);
			assertThat(amount).containsEntry("currency", currency);
		}
	}

}
