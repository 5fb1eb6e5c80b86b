package com.performanceos.ledger.imports;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.performanceos.platform.security.Role;
import com.performanceos.platform.security.Viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ImportDemoIntegrationTests extends ImportIntegrationSupport {

	@Autowired
	DemoImports demo;

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

}
