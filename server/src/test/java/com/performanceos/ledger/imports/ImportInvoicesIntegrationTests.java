package com.performanceos.ledger.imports;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import com.performanceos.ledger.receivables.ReceivablesFixtures;
import com.performanceos.platform.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class ImportInvoicesIntegrationTests extends ImportIntegrationSupport {

	private static final Map<String, String> MAPPING = Map.of("N° facture", "INVOICE_NUMBER", "Sens", "INVOICE_KIND", "Code tiers",
			"COUNTERPARTY_CODE", "Tiers", "COUNTERPARTY", "Région", "REGION", "Date facture", "ISSUE_DATE", "Échéance", "DUE_DATE",
			"Montant TTC", "AMOUNT", "Devise", "CURRENCY");

	private static final Map<String, Object> OPTIONS = Map.of("delimiter", ";", "decimalSeparator", "COMMA", "dateFormat", "dd/MM/yyyy");

	private static final String HEADER = "N° facture;Sens;Code tiers;Tiers;Région;Date facture;Échéance;Montant TTC;Devise\n";

	private static final int ROWS = 30;

	private static final String AS_OF = "2026-06-30";

	@Test
	void badRowsFailTheFileThenTheCorrectedFileCountsInAgingWorkingCapitalAndEscalationsLikeCreatedInvoices() {
		String tenant = newTenant("import-invoices");
		var finance = tester(tenant, Role.FINANCE);
		// Created through the API: 500.00 due 2026-05-01, 60 days past due on 2026-06-30.
		new ReceivablesFixtures(finance).invoice("CUSTOMER", "FA-0001", "C-ZETA", "Bretagne", "2026-04-01", "2026-05-01", "500.00", "EUR");

		// The control sum is that of the 25 valid rows: 4,300.00 - (100 + 100 + 250 + 250 + 80).
		Map<Integer, String> broken = Map.of(
				4, "FA-1004;CUSTOMER;C-ALPHA;Alpha SAS;Bretagne;01/05/2026;15/06/2026;-100,00;EUR",
				9, "FA-1009;CUSTOMER;C-ALPHA;Alpha SAS;Bretagne;01/05/2026;15/06/2026;0,00;EUR",
				14, "FA-1014;receivable;C-BETA;Bêta SARL;Occitanie;01/06/2026;31/06/2026;250,00;EUR",
				18, "FA-1018;receivable;C-BETA;Bêta SARL;Occitanie;01/06/2026;01/05/2026;250,00;EUR",
				25, "FF-25;CLIENT;S-GAMMA;Gamma Fournitures;Grand Est;01/02/2026;15/03/2026;80,00;EUR");
		Started bad = start(finance, "bad", "INVOICES", "factures-juin.csv", MAPPING, ROWS, "3520", OPTIONS);
		Map<String, Object> failed = uploaded(finance, tenant, bad, invoices(broken));
		assertThat(failed).containsEntry("status", "FAILED").containsEntry("recordCount", 0);
		assertThat(located(failed)).containsExactly(tuple(4, "Montant TTC", "INVALID_AMOUNT"), tuple(9, "Montant TTC", "INVALID_AMOUNT"),
					tuple(14, "Échéance", "INVALID_DATE"), tuple(18, "Échéance", "INVALID_VALUE"), tuple(25, "Sens", "INVALID_VALUE"));
		assertThat(invoiceCount(finance, "CUSTOMER")).isEqualTo(1);
		assertThat(invoiceCount(finance, "SUPPLIER")).isZero();

		Started good = start(finance, "good", "INVOICES", "factures-juin-v2.csv", MAPPING, ROWS, "4300.00", OPTIONS);
		assertThat(uploaded(finance, tenant, good, invoices(Map.of()))).containsEntry("status", "SUCCEEDED").containsEntry("recordCount", ROWS);
		assertThat(invoiceCount(finance, "CUSTOMER")).isEqualTo(21);
		assertThat(invoiceCount(finance, "SUPPLIER")).isEqualTo(10);

		// On 2026-06-30: Alpha 10 x 100.00 due 06-15 (15 days); Bêta 10 x 250.00 due 07-31 (not due);
		// Zeta (created) 500.00 due 05-01 (60 days); Gamma, supplier, 10 x 80.00 due 03-15 (107 days).
		var customers = aging(finance, "CUSTOMER", "COUNTERPARTY");
		assertRow(customers, 0, "C-ALPHA", 10, "0", "1000", "0", "0", "0");
		assertRow(customers, 1, "C-BETA", 10, "2500", "0", "0", "0", "0");
		assertRow(customers, 2, "C-ZETA", 1, "0", "0", "500", "0", "0");
		assertRow(aging(finance, "SUPPLIER", "COUNTERPARTY"), 0, "S-GAMMA", 10, "0", "0", "0", "0", "800");
		assertThat(aging(finance, "CUSTOMER", "REGION").path("aging.nodes[*].total.amount").entityList(BigDecimal.class).get())
			.usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("1500"), new BigDecimal("2500"));
		var capital = finance.documentName("receivablesWorkingCapital").variable("endDate", AS_OF).variable("days", 90)
			.variable("currency", "EUR").execute();
		assertThat(capital.path("workingCapital.dso.numerator.amount").entity(BigDecimal.class).get()).isEqualByComparingTo("4000");
		assertThat(capital.path("workingCapital.dpo.numerator.amount").entity(BigDecimal.class).get()).isEqualByComparingTo("800");

		// An escalation rule treats imported invoices as created ones: Alpha's ten and Zeta's one are over 10 days late.
		finance.documentName("receivablesCreateEscalationRule")
			.variable("input", Map.of("idempotencyKey", "rule", "name", "Relances > 10 jours", "kind", "CUSTOMER", "minDaysOverdue", 10,
					"minOpenAmount", "50", "currency", "EUR", "owner", "tresorerie@pme-exemple.fr"))
			.execute().path("createEscalationRule.userErrors").entityList(Object.class).hasSize(0);
		finance.documentName("receivablesRunEscalations").variable("input", Map.of("asOf", AS_OF)).execute()
			.path("runEscalations.createdTaskCount").entity(Integer.class).isEqualTo(11);
		tester(tenant, Role.AUDITOR).documentName("auditLog").variable("action", "ledger.invoice.created").variable("first", 1).execute()
			.path("auditLog.totalCount").entity(Integer.class).isEqualTo(31);

		Started replay = start(finance, "replay", "INVOICES", "factures-juin-v2 (1).csv", MAPPING, ROWS, "4300.00", OPTIONS);
		var answer = upload(tenant, Role.FINANCE, replay.uploadUrl(), invoices(Map.of())).expectStatus().isOk()
			.expectBody(IMPORT_TYPE).returnResult().getResponseBody();
		assertThat(answer).containsEntry("status", "DUPLICATE_FILE").containsEntry("duplicateOf", good.id());
		assertThat(invoiceCount(finance, "CUSTOMER")).isEqualTo(21);
	}

	@Test
	void invoicesAlreadyStoredOrRepeatedAndControlTotalMismatchesAreRefusedAndOtherTenantsSeeNothing() {
		String tenant = newTenant("import-invoices-dup");
		var finance = tester(tenant, Role.FINANCE);
		new ReceivablesFixtures(finance).invoice("CUSTOMER", "FA-0001", "C-ZETA", "Bretagne", "2026-04-01", "2026-05-01", "500.00", "EUR");

		// FA-0001 exists as a customer invoice; as a supplier invoice the same number is another invoice.
		String duplicates = HEADER
				+ "FA-0001;CUSTOMER;C-ZETA;Zeta SA;Bretagne;01/04/2026;01/05/2026;500,00;EUR\n"
				+ "FA-0001;SUPPLIER;S-GAMMA;Gamma Fournitures;Grand Est;01/04/2026;01/05/2026;80,00;EUR\n"
				+ "FA-3000;CUSTOMER;C-ALPHA;Alpha SAS;Bretagne;01/05/2026;15/06/2026;100,00;EUR\n"
				+ "FA-3000;customer;C-ALPHA;Alpha SAS;Bretagne;01/05/2026;15/06/2026;100,00;EUR\n";
		Started dup = start(finance, "dup", "INVOICES", "doublons.csv", MAPPING, 4, "780", OPTIONS);
		Map<String, Object> refused = uploaded(finance, tenant, dup, duplicates);
		assertThat(refused).containsEntry("status", "FAILED");
		assertThat(located(refused)).containsExactlyInAnyOrder(tuple(1, "N° facture", "ALREADY_EXISTS"), tuple(4, "N° facture", "DUPLICATE_ROW"));
		assertThat(invoiceCount(finance, "CUSTOMER")).isEqualTo(1);
		assertThat(invoiceCount(finance, "SUPPLIER")).isZero();

		String oneRow = HEADER + "FF-1;PAYABLE;S-GAMMA;Gamma Fournitures;Grand Est;01/04/2026;01/05/2026;80,00;EUR\n";
		Started control = start(finance, "control", "INVOICES", "fournisseurs.csv", MAPPING, 2, "80", OPTIONS);
		Map<String, Object> mismatch = uploaded(finance, tenant, control, oneRow);
		assertThat(mismatch).containsEntry("status", "FAILED");
		assertThat(problems(mismatch)).singleElement().satisfies(problem -> assertThat(problem).containsEntry("code", "CONTROL_TOTAL_MISMATCH")
			.containsEntry("expected", "2").containsEntry("actual", "1"));
		assertThat(invoiceCount(finance, "SUPPLIER")).isZero();

		// The same file in another tenant is that tenant's own: applied there, invisible here, and the reverse.
		String other = newTenant("import-invoices-other");
		var neighbour = tester(other, Role.FINANCE);
		Started theirs = start(neighbour, "theirs", "INVOICES", "fournisseurs.csv", MAPPING, 1, "80", OPTIONS);
		assertThat(uploaded(neighbour, other, theirs, oneRow)).containsEntry("status", "SUCCEEDED");
		assertThat(invoiceCount(neighbour, "SUPPLIER")).isEqualTo(1);
		assertThat(invoiceCount(neighbour, "CUSTOMER")).isZero();
		aging(neighbour, "CUSTOMER", "COUNTERPARTY").path("aging.totalCount").entity(Integer.class).isEqualTo(0);
		neighbour.documentName("importNode").variable("id", dup.id()).execute().path("node").valueIsNull();
		assertThat(invoiceCount(finance, "SUPPLIER")).isZero();
		finance.documentName("importNode").variable("id", theirs.id()).execute().path("node").valueIsNull();
	}

	/**
	 * {@value #ROWS} invoices: rows 1-10 Alpha (customer, 100.00, due 2026-06-15), 11-20 Bêta
	 * (customer written "receivable", 250.00, due 2026-07-31), 21-30 Gamma (supplier written
	 * "PAYABLE", 80.00, due 2026-03-15); {@code replaced} rows are written as given instead.
	 */
	private static String invoices(Map<Integer, String> replaced) {
		StringBuilder csv = new StringBuilder(HEADER);
		for (int row = 1; row <= ROWS; row++) {
			String line;
			if (row <= 10) {
				line = "FA-" + (1000 + row) + ";CUSTOMER;C-ALPHA;Alpha SAS;Bretagne;01/05/2026;15/06/2026;100,00;EUR";
			}
			else if (row <= 20) {
				line = "FA-" + (1000 + row) + ";receivable;C-BETA;Bêta SARL;Occitanie;01/06/2026;31/07/2026;250,00;EUR";
			}
			else {
				line = "FF-" + row + ";PAYABLE;S-GAMMA;Gamma Fournitures;Grand Est;01/02/2026;15/03/2026;80,00;EUR";
			}
			csv.append(replaced.getOrDefault(row, line)).append('\n');
		}
		return csv.toString();
	}

	private static int invoiceCount(GraphQlTester tester, String kind) {
		return tester.documentName("receivablesInvoices").variable("kind", kind).variable("first", 1).execute()
			.path("invoices.totalCount").entity(Integer.class).get();
	}

	private static GraphQlTester.Response aging(GraphQlTester tester, String kind, String groupBy) {
		return tester.documentName("receivablesAging").variable("kind", kind).variable("asOf", AS_OF).variable("groupBy", groupBy)
			.variable("first", 10).execute();
	}

	private static void assertRow(GraphQlTester.Response aging, int index, String key, int invoiceCount, String... buckets) {
		String row = "aging.nodes[" + index + "]";
		aging.path(row + ".key").entity(String.class).isEqualTo(key);
		aging.path(row + ".invoiceCount").entity(Integer.class).isEqualTo(invoiceCount);
		List<BigDecimal> amounts = aging.path(row + ".buckets[*].amount.amount").entityList(BigDecimal.class).get();
		assertThat(amounts).as(key).usingElementComparator(BigDecimal::compareTo)
			.containsExactly(List.of(buckets).stream().map(BigDecimal::new).toArray(BigDecimal[]::new));
	}

}
