package com.performanceos.ledger.imports;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.performanceos.platform.security.Role;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.rules.sales.Deal;
import com.performanceos.rules.sales.SalesData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ImportCrmIntegrationTests extends ImportIntegrationSupport {

	@Autowired
	private SalesData sales;

	@Autowired
	private TenantDatabase database;

	private static final Map<String, String> DEAL_MAPPING = Map.of("Opportunite", "DEAL_ID", "Commercial", "REP", "Produit", "PRODUCT",
			"Region", "REGION", "Montant", "AMOUNT", "ARR", "ARR", "Etape", "STAGE", "Cloture", "CLOSE_DATE", "Devise", "CURRENCY");

	private static final Map<String, String> QUOTA_MAPPING = Map.of("Commercial", "REP", "Mois", "PERIOD", "Objectif", "AMOUNT",
			"Devise", "CURRENCY");

	private static final String DEALS = """
			Opportunite,Commercial,Produit,Region,Montant,ARR,Etape,Cloture,Devise
			OPP-001,Camille Martin,Abonnement Pro,Île-de-France,24000.00,24000.00,Closed Won,2026-03-12,EUR
			OPP-002,Lucas Bernard,Licence Entreprise,Auvergne-Rhône-Alpes,58000.00,0,CLOSED_WON,2026-03-20,EUR
			OPP-003,Camille Martin,Abonnement Pro,Île-de-France,12000.00,12000.00,Negotiation,2026-04-02,EUR
			""";

	@Test
	void dealsAndQuotasAreStoredQueryableAndNotImportedTwice() {
		String tenant = newTenant("import-crm");
		var salesOps = tester(tenant, Role.SALES_OPS);

		Started deals = start(salesOps, "deals", "DEALS", "hubspot-export.csv", DEAL_MAPPING, 3, "94000", Map.of());
		upload(tenant, Role.SALES_OPS, deals.uploadUrl(), DEALS).expectStatus().isAccepted();
		assertThat(awaitFinished(salesOps, deals.id())).containsEntry("status", "SUCCEEDED").containsEntry("recordCount", 3);

		var won = salesOps.documentName("importDeals").variable("first", 10).variable("stage", "CLOSED_WON").execute();
		won.path("deals.totalCount").entity(Integer.class).isEqualTo(2);
		won.path("deals.nodes[*].dealId").entityList(String.class).containsExactly("OPP-001", "OPP-002");
		won.path("deals.nodes[0].importId").entity(String.class).isEqualTo(deals.id());
		won.path("deals.nodes[0].sourceRow").entity(Integer.class).isEqualTo(1);
		won.path("deals.nodes[0].amount.amount").entity(String.class).satisfies(amount -> assertThat(new java.math.BigDecimal(amount))
			.isEqualByComparingTo("24000"));
		salesOps.documentName("importDeals").variable("first", 10).variable("from", "2026-04-01").execute()
			.path("deals.nodes[*].dealId").entityList(String.class).containsExactly("OPP-003");
		// The rows belong to the sales module: its read port answers them to other modules.
		assertThat(database.run(tenant, tx -> sales.dealsClosing(tx, LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"))).block())
			.extracting(Deal::dealId, Deal::rep)
			.containsExactly(tuple("OPP-001", "Camille Martin"), tuple("OPP-002", "Lucas Bernard"));

		// OPP-001 was imported already; OPP-004 appears twice in the file.
		String again = """
				Opportunite,Commercial,Produit,Region,Montant,ARR,Etape,Cloture,Devise
				OPP-001,Camille Martin,Abonnement Pro,Île-de-France,24000.00,24000.00,Closed Won,2026-03-12,EUR
				OPP-004,Lucas Bernard,Formation,Bretagne,3000.00,0,Proposal,2026-05-02,EUR
				OPP-004,Lucas Bernard,Formation,Bretagne,3000.00,0,Proposal,2026-05-02,EUR
				""";
		Started second = start(salesOps, "deals-2", "DEALS", "hubspot-export-2.csv", DEAL_MAPPING, 3, "30000", Map.of());
		upload(tenant, Role.SALES_OPS, second.uploadUrl(), again).expectStatus().isAccepted();
		Map<String, Object> refused = awaitFinished(salesOps, second.id());
		assertThat(refused).containsEntry("status", "FAILED");
		assertThat(problems(refused)).extracting(problem -> problem.get("row") + ":" + problem.get("code"))
			.containsExactlyInAnyOrder("1:ALREADY_IMPORTED", "3:DUPLICATE_ROW");
		salesOps.documentName("importDeals").variable("first", 10).execute().path("deals.totalCount").entity(Integer.class).isEqualTo(3);

		String quotas = """
				Commercial;Mois;Objectif;Devise
				Camille Martin;2026-03;100000;EUR
				Lucas Bernard;2026-03;80000;EUR
				Camille Martin;2026-04;100000;EUR
				""";
		Started quotaImport = start(salesOps, "quotas", "QUOTAS", "objectifs-t1.csv", QUOTA_MAPPING, 3, "280000", Map.of("delimiter", ";"));
		upload(tenant, Role.SALES_OPS, quotaImport.uploadUrl(), quotas).expectStatus().isAccepted();
		assertThat(awaitFinished(salesOps, quotaImport.id())).containsEntry("status", "SUCCEEDED");
		var march = salesOps.documentName("importQuotas").variable("period", "2026-03").execute();
		march.path("quotas.totalCount").entity(Integer.class).isEqualTo(2);
		march.path("quotas.nodes[*].rep").entityList(String.class).containsExactly("Camille Martin", "Lucas Bernard");
		List<String> amounts = march.path("quotas.nodes[*].amount.amount").entityList(String.class).get();
		assertThat(amounts).extracting(java.math.BigDecimal::new).usingElementComparator(java.math.BigDecimal::compareTo)
			.containsExactly(new java.math.BigDecimal("100000"), new java.math.BigDecimal("80000"));
	}

	@Test
	void aRepCannotStartAnImportAndAMappingWithoutRequiredFieldsIsAUserError() {
		String tenant = newTenant("import-roles");
		tester(tenant, Role.REP).documentName("importStart")
			.variable("input", Map.of("idempotencyKey", "k", "kind", "QUOTAS", "fileName", "q.csv", "columnMapping",
					List.of(Map.of("column", "Commercial", "field", "REP")), "controlTotals", Map.of("rowCount", 1, "amountSum", "1")))
			.execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
		tester(tenant, Role.SALES_OPS).documentName("importStart")
			.variable("input", Map.of("idempotencyKey", "k", "kind", "QUOTAS", "fileName", "q.csv", "columnMapping",
					List.of(Map.of("column", "Commercial", "field", "REP")), "controlTotals", Map.of("rowCount", 1, "amountSum", "1")))
			.execute()
			.path("startImport.userErrors[*].code").entityList(String.class).containsExactly("MISSING_REQUIRED_FIELD");
	}

}
