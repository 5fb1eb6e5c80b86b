package com.performanceos.ledger.imports;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.performanceos.ledger.bank.BankFixtures;
import com.performanceos.ledger.receivables.ReceivablesFixtures;
import com.performanceos.platform.security.Role;
import com.performanceos.platform.security.Viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ImportDemoIntegrationTests extends ImportIntegrationSupport {

	@Autowired
	DemoImports demo;

	@Autowired
	DemoStatementImports demoStatements;

	@Test
	void theDemoFilesImportCleanlyOnTheDemoChartOfAccounts() {
		String tenant = newTenant("import-demo");
		var admin = tester(tenant, Role.ADMIN);
		Map.of("411000", "ASSET", "512000", "ASSET", "445660", "ASSET", "706000", "REVENUE", "445710", "LIABILITY", "401000", "LIABILITY",
				"613200", "EXPENSE").forEach((code, type) -> account(admin, code, type));

		demo.seed(new Viewer("demo-seed", tenant, EnumSet.of(Role.ADMIN))).block(JOB_WINDOW);

		await().atMost(JOB_WINDOW).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			assertThat(journalEntryCount(admin)).isEqualTo(3);
			admin.documentName("importDeals").variable("first", 10).execute().path("deals.totalCount").entity(Integer.class).isEqualTo(6);
			admin.documentName("importQuotas").variable("period", "2026-02").execute().path("quotas.totalCount").entity(Integer.class).isEqualTo(4);
		});
		// Seeding again (a restart after a failed seed) starts nothing new: the idempotency keys replay.
		demo.seed(new Viewer("demo-seed", tenant, EnumSet.of(Role.ADMIN))).block(JOB_WINDOW);
		assertThat(journalEntryCount(admin)).isEqualTo(3);
		assertThat(List.of(admin.documentName("importDeals").variable("first", 10).execute().path("deals.totalCount").entity(Integer.class).get()))
			.containsExactly(6);
	}

	@Test
	void theDemoStatementAndInvoicesImportCleanlyOnTheDemoBankAccounts() {
		String tenant = newTenant("import-demo-bank");
		var admin = tester(tenant, Role.ADMIN);
		var fixtures = new ReceivablesFixtures(admin);
		String opening = LocalDate.now(ZoneOffset.UTC).minusDays(35).toString();
		Map.of("paris", List.of("BNP Paribas", BankFixtures.iban("30004008190001234567880"), fixtures.account("512000", "ASSET")),
				"lyon", List.of("Crédit Agricole", BankFixtures.iban("17806001200004567891245"), fixtures.account("512100", "ASSET")))
			.forEach((key, bank) -> admin.documentName("bankCreateBankAccount")
				.variable("input", Map.of("idempotencyKey", key, "name", "Compte " + key, "bankName", bank.get(0), "entity", "FR-PARIS",
						"currency", "EUR", "iban", bank.get(1), "ledgerAccountId", bank.get(2), "openingBalance", "0", "openingDate", opening))
				.execute().path("createBankAccount.userErrors").entityList(Object.class).hasSize(0));

		demoStatements.seed(new Viewer("demo-seed", tenant, EnumSet.of(Role.ADMIN))).block(JOB_WINDOW);

		await().atMost(JOB_WINDOW).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			admin.documentName("bankTransactionsList").execute().path("bankTransactions.totalCount").entity(Integer.class).isEqualTo(5);
			admin.documentName("receivablesInvoices").variable("first", 1).execute().path("invoices.totalCount").entity(Integer.class)
				.isEqualTo(5);
		});
		// The statement is dated from today, after the accounts' opening: it moves today's cash by its 4,093.60 net.
		admin.documentName("cashPositionQuery").variable("asOf", LocalDate.now(ZoneOffset.UTC).toString()).variable("groupBy", List.of())
			.execute().path("cashPosition.lines[0].balance.amount").entity(java.math.BigDecimal.class)
			.satisfies(balance -> assertThat(balance).isEqualByComparingTo("4093.60"));
	}

}
