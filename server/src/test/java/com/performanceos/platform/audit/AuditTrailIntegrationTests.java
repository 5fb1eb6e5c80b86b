package com.performanceos.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditTrailIntegrationTests extends IntegrationTest {

	private static final String GENESIS = "0".repeat(64);

	private final JsonMapper json = new JsonMapper();

	@Test
	void creatingAnAccountAppendsAnAuditRecordWithActorAfterImageAndSourceAddress() {
		String tenant = newTenant("audit-create");
		var admin = graphQl(tenant, Role.ADMIN);
		String accountId = createAccount(admin, "k-1", "512000").path("createAccount.account.id").entity(String.class).get();

		var page = graphQl(tenant, Role.AUDITOR).documentName("auditLog").variable("first", 10).execute();
		page.path("auditLog.totalCount").entity(Integer.class).isEqualTo(1);
		page.path("auditLog.edges[0].node.sequence").entity(Long.class).isEqualTo(1L);
		page.path("auditLog.edges[0].node.actor").entity(String.class).isEqualTo("user-" + tenant);
		page.path("auditLog.edges[0].node.action").entity(String.class).isEqualTo("ledger.account.created");
		page.path("auditLog.edges[0].node.targetType").entity(String.class).isEqualTo("Account");
		page.path("auditLog.edges[0].node.targetId").entity(String.class).isEqualTo(accountId);
		page.path("auditLog.edges[0].node.sourceAddress").entity(String.class).isEqualTo("127.0.0.1");
		page.path("auditLog.edges[0].node.before").valueIsNull();
		page.path("auditLog.edges[0].node.after.code").entity(String.class).isEqualTo("512000");
		page.path("auditLog.edges[0].node.after.id").entity(String.class).isEqualTo(accountId);
		page.path("auditLog.edges[0].node.previousHash").entity(String.class).isEqualTo(GENESIS);
		page.path("auditLog.edges[0].node.hash").entity(String.class).matches(hash -> hash.matches("[0-9a-f]{64}"));

		String recordId = page.path("auditLog.edges[0].node.id").entity(String.class).get();
		admin.document("query($id: ID!) { node(id: $id) { id ... on AuditRecord { sequence action } } }")
			.variable("id", recordId)
			.execute()
			.path("node.action").entity(String.class).isEqualTo("ledger.account.created");
	}

	@Test
	void auditLogPagesBySequenceAndFiltersByAction() {
		String tenant = newTenant("audit-page");
		var admin = graphQl(tenant, Role.ADMIN);
		for (int i = 1; i <= 5; i++) {
			createAccount(admin, "k" + i, "70000" + i);
		}
		var first = admin.documentName("auditLog").variable("first", 2).execute();
		first.path("auditLog.edges[*].node.sequence").entityList(Long.class).containsExactly(1L, 2L);
		first.path("auditLog.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		first.path("auditLog.totalCount").entity(Integer.class).isEqualTo(5);
		String cursor = first.path("auditLog.pageInfo.endCursor").entity(String.class).get();

		var second = admin.documentName("auditLog").variable("first", 2).variable("after", cursor).execute();
		second.path("auditLog.edges[*].node.sequence").entityList(Long.class).containsExactly(3L, 4L);
		second.path("auditLog.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
		// Each record links to the one before it.
		String hashOfSecond = first.path("auditLog.edges[1].node.hash").entity(String.class).get();
		second.path("auditLog.edges[0].node.previousHash").entity(String.class).isEqualTo(hashOfSecond);

		admin.documentName("auditLog").variable("last", 2).execute()
			.path("auditLog.edges[*].node.sequence").entityList(Long.class).containsExactly(4L, 5L);
		admin.documentName("auditLog").variable("first", 10).variable("action", "ledger.account.created").execute()
			.path("auditLog.totalCount").entity(Integer.class).isEqualTo(5);
		admin.documentName("auditLog").variable("first", 10).variable("action", "ledger.account.closed").execute()
			.path("auditLog.totalCount").entity(Integer.class).isEqualTo(0)
			.path("auditLog.edges").entityList(Object.class).hasSize(0);
		admin.documentName("auditLog").variable("first", 10).variable("from", "2000-01-01T00:00:00Z")
			.variable("to", "2001-01-01T00:00:00Z").execute()
			.path("auditLog.totalCount").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void pageSizeAboveTheCapAndForeignCursorsAreBadInput() {
		var admin = graphQl(newTenant("audit-cap"), Role.ADMIN);
		admin.documentName("auditLog").variable("first", 101).execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT")));
		String accountCursor = PageRequest.encodeCursor("code-512000");
		admin.documentName("auditLog").variable("first", 10).variable("after", accountCursor).execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT")));
	}

	@Test
	void chainIsValidAfterSeveralActions() {
		String tenant = newTenant("audit-valid");
		var admin = graphQl(tenant, Role.ADMIN);
		verify(admin).path("verifyAuditChain.valid").entity(Boolean.class).isEqualTo(true)
			.path("verifyAuditChain.checkedRecords").entity(Long.class).isEqualTo(0L);
		for (int i = 1; i <= 3; i++) {
			createAccount(admin, "k" + i, "60000" + i);
		}
		verify(graphQl(tenant, Role.AUDITOR)).path("verifyAuditChain.valid").entity(Boolean.class).isEqualTo(true)
			.path("verifyAuditChain.checkedRecords").entity(Long.class).isEqualTo(3L)
			.path("verifyAuditChain.firstBrokenSequence").valueIsNull()
			.path("verifyAuditChain.reason").valueIsNull();
	}

	@Test
	void alteringOneStoredRecordBreaksTheChainThere() throws Exception {
		String tenant = newTenant("audit-alter");
		var admin = fourRecordChain(tenant);
		tamper("UPDATE audit_log SET actor = 'mallory' WHERE tenant_id = ? AND seq = 2", tenant);

		verify(admin).path("verifyAuditChain.valid").entity(Boolean.class).isEqualTo(false)
			.path("verifyAuditChain.firstBrokenSequence").entity(Long.class).isEqualTo(2L)
			.path("verifyAuditChain.checkedRecords").entity(Long.class).isEqualTo(1L)
			.path("verifyAuditChain.reason").entity(String.class).satisfies(reason -> assertThat(reason).contains("altered"));
	}

	@Test
	void alteringAnAfterImageBreaksTheChainThere() throws Exception {
		String tenant = newTenant("audit-image");
		var admin = fourRecordChain(tenant);
		tamper("UPDATE audit_log SET after_image = jsonb_set(after_image, '{name}', '\"Offshore\"') "
				+ "WHERE tenant_id = ? AND seq = 3", tenant);

		verify(admin).path("verifyAuditChain.valid").entity(Boolean.class).isEqualTo(false)
			.path("verifyAuditChain.firstBrokenSequence").entity(Long.class).isEqualTo(3L);
	}

	@Test
	void deletingARecordBreaksTheChainWhereItWas() throws Exception {
		String tenant = newTenant("audit-delete");
		var admin = fourRecordChain(tenant);
		tamper("DELETE FROM audit_log WHERE tenant_id = ? AND seq = 2", tenant);

		verify(admin).path("verifyAuditChain.valid").entity(Boolean.class).isEqualTo(false)
			.path("verifyAuditChain.firstBrokenSequence").entity(Long.class).isEqualTo(2L)
			.path("verifyAuditChain.checkedRecords").entity(Long.class).isEqualTo(1L)
			.path("verifyAuditChain.reason").entity(String.class).satisfies(reason -> assertThat(reason).contains("missing"));
	}

	@Test
	void deletingTheLastRecordIsDetectedAgainstTheChainHead() throws Exception {
		String tenant = newTenant("audit-tail");
		var admin = fourRecordChain(tenant);
		tamper("DELETE FROM audit_log WHERE tenant_id = ? AND seq = 4", tenant);

		verify(admin).path("verifyAuditChain.valid").entity(Boolean.class).isEqualTo(false)
			.path("verifyAuditChain.firstBrokenSequence").entity(Long.class).isEqualTo(4L)
			.path("verifyAuditChain.checkedRecords").entity(Long.class).isEqualTo(3L)
			.path("verifyAuditChain.reason").entity(String.class).isEqualTo(
					"record 4 is missing: the chain head says the chain ends at 4");
	}

	@Test
	void theApplicationRoleCannotUpdateOrDeleteAuditRecords() throws Exception {
		String tenant = newTenant("audit-append-only");
		createAccount(graphQl(tenant, Role.ADMIN), "k", "512300");
		try (Connection connection = TestServices.shared().applicationConnection(); Statement sql = connection.createStatement()) {
			connection.setAutoCommit(false);
			sql.execute("SELECT set_config('app.tenant_id', '" + tenant + "', true)");
			assertThatThrownBy(() -> sql.executeUpdate("UPDATE audit_log SET actor = 'mallory' WHERE seq = 1"))
				.isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
			connection.rollback();
			sql.execute("SELECT set_config('app.tenant_id', '" + tenant + "', true)");
			assertThatThrownBy(() -> sql.executeUpdate("DELETE FROM audit_log WHERE seq = 1"))
				.isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
			connection.rollback();
		}
		// Even the owner is stopped by the trigger unless it deliberately disables triggers.
		try (Connection connection = TestServices.shared().superuserConnection();
				PreparedStatement update = connection.prepareStatement("UPDATE audit_log SET actor = 'mallory' WHERE tenant_id = ?")) {
			update.setString(1, tenant);
			assertThatThrownBy(update::executeUpdate).isInstanceOf(SQLException.class).hasMessageContaining("append-only");
		}
		verify(graphQl(tenant, Role.AUDITOR)).path("verifyAuditChain.valid").entity(Boolean.class).isEqualTo(true);
	}

	@Test
	void callersWithoutAnAuditRoleAreForbidden() {
		var rep = graphQl(newTenant("audit-rep"), Role.REP);
		rep.documentName("auditLog").variable("first", 10).execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
		graphQl(newTenant("audit-finance"), Role.FINANCE).documentName("verifyAuditChain").execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
	}

	@Test
	void anotherTenantSeesNoneOfTheRecords() {
		String tenantA = newTenant("audit-a");
		createAccount(graphQl(tenantA, Role.ADMIN), "k", "512400");
		String recordId = graphQl(tenantA, Role.AUDITOR).documentName("auditLog").variable("first", 1).execute()
			.path("auditLog.edges[0].node.id").entity(String.class).get();

		var b = graphQl(newTenant("audit-b"), Role.ADMIN);
		b.documentName("auditLog").variable("first", 100).execute()
			.path("auditLog.totalCount").entity(Integer.class).isEqualTo(0)
			.path("auditLog.edges").entityList(Object.class).hasSize(0);
		b.document("query($id: ID!) { node(id: $id) { id } }").variable("id", recordId).execute().path("node").valueIsNull();
		verify(b).path("verifyAuditChain.checkedRecords").entity(Long.class).isEqualTo(0L);
	}

	@Test
	void csvExportHoldsTheRecordsAndItsDigestIsRecordedInTheChain() throws Exception {
		String tenant = newTenant("audit-csv");
		var admin = fourRecordChain(tenant);

		EntityExchangeResult<byte[]> result = export(tenant, "csv", Role.AUDITOR);
		byte[] body = result.getResponseBody();
		String digest = result.getResponseHeaders().getFirst("X-Content-SHA256");
		assertThat(digest).isEqualTo(sha256(body));
		assertThat(result.getResponseHeaders().getContentDisposition().getFilename()).startsWith("audit-log-").endsWith(".csv");
		assertThat(result.getResponseHeaders().getContentType().toString()).startsWith("text/csv");

		String[] lines = new String(body, StandardCharsets.UTF_8).split("\r\n");
		assertThat(lines).hasSize(5);
		assertThat(lines[0]).isEqualTo("sequence,id,occurredAt,actor,action,targetType,targetId,sourceAddress,before,after,previousHash,hash");
		assertThat(lines[1]).startsWith("1,").contains(",user-" + tenant + ",ledger.account.created,Account,")
			.contains(",\"{\"\"id\"\": ").contains("," + GENESIS + ",");
		assertThat(lines[4]).startsWith("4,");

		assertExportRecorded(admin, "csv", 4, digest);
		assertThat(openApplicationTransactions()).as("transactions left open by the streaming export").isZero();
	}

	@Test
	void jsonExportHoldsTheRecordsAndItsDigestIsRecordedInTheChain() throws Exception {
		String tenant = newTenant("audit-json");
		var admin = fourRecordChain(tenant);

		EntityExchangeResult<byte[]> result = export(tenant, "json", Role.ADMIN);
		byte[] body = result.getResponseBody();
		String digest = result.getResponseHeaders().getFirst("X-Content-SHA256");
		assertThat(digest).isEqualTo(sha256(body));

		JsonNode records = json.readTree(body);
		assertThat(records.isArray()).isTrue();
		assertThat(records.size()).isEqualTo(4);
		assertThat(records.get(0).get("sequence").asLong()).isEqualTo(1);
		assertThat(records.get(0).get("action").asString()).isEqualTo("ledger.account.created");
		assertThat(records.get(0).get("before").isNull()).isTrue();
		assertThat(records.get(0).get("after").get("code").asString()).isEqualTo("512001");
		assertThat(records.get(0).get("previousHash").asString()).isEqualTo(GENESIS);
		assertThat(records.get(1).get("previousHash").asString()).isEqualTo(records.get(0).get("hash").asString());

		assertExportRecorded(admin, "json", 4, digest);
		// The export's own record is part of the chain, which stays intact.
		verify(admin).path("verifyAuditChain.valid").entity(Boolean.class).isEqualTo(true)
			.path("verifyAuditChain.checkedRecords").entity(Long.class).isEqualTo(5L);
	}

	@Test
	void exportCoversTheRequestedTimeRangeOnly() {
		String tenant = newTenant("audit-range");
		fourRecordChain(tenant);
		byte[] empty = web.get().uri("/exports/audit-log.json?from=2000-01-01T00:00:00Z&to=2001-01-01T00:00:00Z")
			.header("Authorization", "Bearer " + tokens.token(tenant, Role.AUDITOR))
			.exchange()
			.expectStatus().isOk()
			.expectBody(byte[].class).returnResult().getResponseBody();
		assertThat(json.readTree(empty).size()).isZero();
		web.get().uri("/exports/audit-log.csv?from=yesterday")
			.header("Authorization", "Bearer " + tokens.token(tenant, Role.AUDITOR))
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("BAD_USER_INPUT");
	}

	@Test
	void exportIsRefusedWithoutAnAuditRoleOrAToken() {
		String tenant = newTenant("audit-export-denied");
		for (Role role : List.of(Role.EXTERNAL_VIEWER, Role.REP)) {
			web.get().uri("/exports/audit-log.csv")
				.header("Authorization", "Bearer " + tokens.token(tenant, role))
				.exchange()
				.expectStatus().isForbidden()
				.expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("FORBIDDEN");
		}
		web.get().uri("/exports/audit-log.json").exchange().expectStatus().isUnauthorized();
		verify(graphQl(tenant, Role.AUDITOR)).path("verifyAuditChain.checkedRecords").entity(Long.class).isEqualTo(0L);
	}

	private EntityExchangeResult<byte[]> export(String tenant, String format, Role role) {
		return web.get().uri("/exports/audit-log." + format)
			.header("Authorization", "Bearer " + tokens.token(tenant, role))
			.exchange()
			.expectStatus().isOk()
			.expectBody(byte[].class)
			.returnResult();
	}

	private static void assertExportRecorded(GraphQlTester admin, String format, int recordCount, String digest) {
		var exported = admin.documentName("auditLog").variable("first", 10).variable("action", "audit.exported").execute();
		exported.path("auditLog.totalCount").entity(Integer.class).isEqualTo(1);
		exported.path("auditLog.edges[0].node.after.sha256").entity(String.class).isEqualTo(digest);
		exported.path("auditLog.edges[0].node.after.format").entity(String.class).isEqualTo(format);
		exported.path("auditLog.edges[0].node.after.recordCount").entity(Integer.class).isEqualTo(recordCount);
		exported.path("auditLog.edges[0].node.targetType").entity(String.class).isEqualTo("AuditLog");
	}

	private GraphQlTester fourRecordChain(String tenant) {
		var admin = graphQl(tenant, Role.ADMIN);
		for (int i = 1; i <= 4; i++) {
			createAccount(admin, "k" + i, "51200" + i).path("createAccount.userErrors").entityList(Object.class).hasSize(0);
		}
		verify(admin).path("verifyAuditChain.valid").entity(Boolean.class).isEqualTo(true)
			.path("verifyAuditChain.checkedRecords").entity(Long.class).isEqualTo(4L);
		return admin;
	}

	/** Changes stored audit rows as the superuser, with triggers off, as an attacker with database access could. */
	private static void tamper(String statement, String tenant) throws SQLException {
		try (Connection connection = TestServices.shared().superuserConnection()) {
			try (Statement sql = connection.createStatement()) {
				sql.execute("SET session_replication_role = replica");
			}
			try (PreparedStatement change = connection.prepareStatement(statement)) {
				change.setString(1, tenant);
				assertThat(change.executeUpdate()).isEqualTo(1);
			}
		}
	}

	private static long openApplicationTransactions() throws SQLException {
		try (Connection connection = TestServices.shared().superuserConnection(); Statement sql = connection.createStatement();
				// Only sessions whose last statement read the audit log: the outbox relay of the same
				// server legitimately holds short transactions of its own at any moment.
				var rows = sql.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE usename = 'pos_app' "
						+ "AND state IN ('idle in transaction', 'idle in transaction (aborted)') AND query ILIKE '%audit_log%'")) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static GraphQlTester.Response verify(GraphQlTester tester) {
		return tester.documentName("verifyAuditChain").execute();
	}

	private static GraphQlTester.Response createAccount(GraphQlTester tester, String key, String code) {
		return tester.documentName("createAccount")
			.variable("input", Map.of("idempotencyKey", key, "code", code, "name", "Account " + code, "type", "ASSET",
					"currency", "EUR"))
			.execute();
	}

	private static String sha256(byte[] body) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
	}

}
