package com.performanceos.ledger.accounts;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.security.Role;
import com.performanceos.platform.security.Viewer;
import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountIntegrationTests extends IntegrationTest {

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private AccountService accountService;

	@Test
	void createsAnAccountAndListsIt() {
		String tenant = newTenant("acc");
		var admin = graphQl(tenant, Role.ADMIN);
		create(admin, "k-1", "512000", "Bank").path("createAccount.userErrors").entityList(Object.class).hasSize(0)
			.path("createAccount.account.code").entity(String.class).isEqualTo("512000");
		admin.documentName("accounts").variable("first", 10).execute()
			.path("accounts.totalCount").entity(Integer.class).isEqualTo(1)
			.path("accounts.edges[0].node.code").entity(String.class).isEqualTo("512000");
	}

	@Test
	void replayingAnIdempotencyKeyReturnsTheOriginalAndADifferentPayloadConflicts() {
		var admin = graphQl(newTenant("idem"), Role.FINANCE);
		String first = create(admin, "same-key", "401000", "Suppliers").path("createAccount.account.id").entity(String.class).get();
		create(admin, "same-key", "401000", "Suppliers").path("createAccount.account.id").entity(String.class).isEqualTo(first);
		create(admin, "same-key", "401001", "Suppliers").path("createAccount.account").valueIsNull()
			.path("createAccount.userErrors[0].code").entity(String.class).isEqualTo("IDEMPOTENCY_CONFLICT");
		admin.documentName("accounts").variable("first", 10).execute()
			.path("accounts.totalCount").entity(Integer.class).isEqualTo(1);
	}

	@Test
	void invalidInputIsAUserErrorAndStoresNothing() {
		var admin = graphQl(newTenant("invalid"), Role.ADMIN);
		create(admin, "k", "bad code!", " ").path("createAccount.account").valueIsNull()
			.path("createAccount.userErrors[*].field[1]").entityList(String.class).contains("code", "name").hasSize(2);
		admin.documentName("accounts").variable("first", 10).execute()
			.path("accounts.totalCount").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void duplicateCodeIsAUserError() {
		var admin = graphQl(newTenant("dup"), Role.ADMIN);
		create(admin, "a", "601000", "Purchases");
		create(admin, "b", "601000", "Purchases again").path("createAccount.userErrors[0].code").entity(String.class)
			.isEqualTo("DUPLICATE_ACCOUNT_CODE");
	}

	@Test
	void aPageIsCountedOnlyWhenItsQuerySelectsTotalCount() {
		String tenant = newTenant("count");
		var admin = graphQl(tenant, Role.ADMIN);
		for (int i = 1; i <= 3; i++) {
			create(admin, "k" + i, "70100" + i, "Counted " + i);
		}
		Viewer viewer = new Viewer("reader", tenant, Set.of(Role.ADMIN));

		assertThat(accountService.list(viewer, PageRequest.of(2, null, null, null), false).block().totalCount())
			.isEqualTo(com.performanceos.platform.graphql.Connection.TOTAL_NOT_SELECTED);
		assertThat(accountService.list(viewer, PageRequest.of(2, null, null, null), true).block().totalCount()).isEqualTo(3);
		admin.document("{ accounts(first: 2) { nodes { code } pageInfo { hasNextPage } } }").execute()
			.path("accounts.nodes[*].code").entityList(String.class).containsExactly("701001", "701002")
			.path("accounts.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		admin.document("{ accounts(first: 2) { totalCount } }").execute()
			.path("accounts.totalCount").entity(Integer.class).isEqualTo(3);
	}

	@Test
	void paginatesForwardWithStableCursors() {
		var admin = graphQl(newTenant("page"), Role.ADMIN);
		for (int i = 1; i <= 5; i++) {
			create(admin, "k" + i, "70000" + i, "Sales " + i);
		}
		var firstPage = admin.documentName("accounts").variable("first", 2).execute();
		firstPage.path("accounts.edges[*].node.code").entityList(String.class).containsExactly("700001", "700002");
		firstPage.path("accounts.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String cursor = firstPage.path("accounts.pageInfo.endCursor").entity(String.class).get();
		admin.documentName("accounts").variable("first", 10).variable("after", cursor).execute()
			.path("accounts.edges[*].node.code").entityList(String.class).containsExactly("700003", "700004", "700005")
			.path("accounts.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void pageSizeAboveTheCapIsAnErrorNotATruncation() {
		graphQl(newTenant("cap"), Role.ADMIN).documentName("accounts").variable("first", 101).execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT")));
	}

	@Test
	void anotherTenantSeesNothingOfItThroughGraphQlNorNodeId() {
		String tenantA = newTenant("tenant-a");
		String tenantB = newTenant("tenant-b");
		var a = graphQl(tenantA, Role.ADMIN);
		var b = graphQl(tenantB, Role.ADMIN);
		String id = create(a, "k", "512100", "A's bank").path("createAccount.account.id").entity(String.class).get();

		a.documentName("node").variable("id", id).execute().path("node.code").entity(String.class).isEqualTo("512100");
		b.documentName("node").variable("id", id).execute().path("node").valueIsNull();
		b.document("query($ids: [ID!]!) { nodes(ids: $ids) { id } }").variable("ids", java.util.List.of(id)).execute()
			.path("nodes[0]").valueIsNull();
		b.documentName("accounts").variable("first", 100).execute().path("accounts.totalCount").entity(Integer.class).isEqualTo(0);
		// The same code is free in B: uniqueness is per tenant, and nothing of A leaks through it.
		create(b, "k", "512100", "B's bank").path("createAccount.userErrors").entityList(Object.class).hasSize(0);
	}

	@Test
	void anAccountOnceReadIsAnsweredFromMemoryAndOnlyToItsOwnTenant() throws Exception {
		String tenantA = newTenant("cache-a");
		var a = graphQl(tenantA, Role.ADMIN);
		var b = graphQl(newTenant("cache-b"), Role.ADMIN);
		String id = create(a, "k", "512300", "A's cached bank").path("createAccount.account.id").entity(String.class).get();
		a.documentName("node").variable("id", id).execute().path("node.code").entity(String.class).isEqualTo("512300");

		// Take the row away behind the server's back (triggers off): only memory can still answer.
		try (Connection connection = TestServices.shared().superuserConnection(); Statement sql = connection.createStatement()) {
			sql.execute("SET session_replication_role = replica");
			assertThat(sql.executeUpdate("DELETE FROM ledger_account WHERE tenant_id = '" + tenantA + "'")).isEqualTo(1);
		}
		double hits = cacheHits();
		a.documentName("node").variable("id", id).execute().path("node.code").entity(String.class).isEqualTo("512300");
		assertThat(cacheHits()).isGreaterThan(hits);
		b.documentName("node").variable("id", id).execute().path("node").valueIsNull();
	}

	@Test
	void accountsCannotBeChangedOnceCreated() throws Exception {
		String tenant = newTenant("cache-fixed");
		create(graphQl(tenant, Role.ADMIN), "k", "512400", "Fixed");
		try (Connection connection = TestServices.shared().superuserConnection(); Statement sql = connection.createStatement()) {
			for (String change : java.util.List.of("UPDATE ledger_account SET name = 'Renamed' WHERE tenant_id = '%s'",
					"UPDATE ledger_account SET type = 'LIABILITY', currency = 'USD' WHERE tenant_id = '%s'",
					"DELETE FROM ledger_account WHERE tenant_id = '%s'")) {
				assertThatThrownBy(() -> sql.execute(change.formatted(tenant))).isInstanceOf(java.sql.SQLException.class)
					.hasMessageContaining("ledger_account rows are permanent");
			}
		}
	}

	private double cacheHits() {
		return meters.get("cache.gets").tag("cache", AccountService.CACHE_NAME).tag("result", "hit").functionCounter().count();
	}

	@Test
	void rowLevelSecurityHidesOtherTenantsRowsFromAnUnfilteredQuery() throws Exception {
		String tenantA = newTenant("rls-a");
		create(graphQl(tenantA, Role.ADMIN), "k", "512200", "A's bank");
		try (Connection connection = TestServices.shared().applicationConnection(); Statement sql = connection.createStatement()) {
			connection.setAutoCommit(false);
			sql.execute("SELECT set_config('app.tenant_id', 'rls-b-other', true)");
			assertThat(count(sql, "SELECT count(*) FROM ledger_account")).isZero();
			assertThat(count(sql, "SELECT count(*) FROM audit_log")).isZero();
			sql.execute("SELECT set_config('app.tenant_id', '" + tenantA + "', true)");
			assertThat(count(sql, "SELECT count(*) FROM ledger_account")).isEqualTo(1);
			connection.rollback();
			// No tenant set at all: nothing is visible.
			assertThat(count(sql, "SELECT count(*) FROM ledger_account")).isZero();
		}
	}

	@Test
	void malformedNodeIdIsNullNotAnError() {
		graphQl(newTenant("node"), Role.ADMIN).documentName("node").variable("id", "not-an-id!").execute()
			.path("node").valueIsNull();
	}

	private static long count(Statement sql, String query) throws Exception {
		try (ResultSet rows = sql.executeQuery(query)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static org.springframework.graphql.test.tester.GraphQlTester.Response create(
			org.springframework.graphql.test.tester.GraphQlTester tester, String key, String code, String name) {
		return tester.documentName("createAccount")
			.variable("input", Map.of("idempotencyKey", key, "code", code, "name", name, "type", "ASSET", "currency", "EUR"))
			.execute();
	}

}
