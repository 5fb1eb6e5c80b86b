package com.performanceos.platform.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;

/** The chunked walk across chunk boundaries: chunks of two records over five-record chains. */
class AuditChainVerifierTests extends IntegrationTest {

	private static final int RECORDS_PER_CHUNK = 2;

	@Autowired
	private AuditChainVerifier verifier;

	@Test
	void anIntactChainSpanningSeveralChunksIsValid() {
		String tenant = fiveRecordChain("chunks-intact");
		assertThat(verifier.verify(tenant, RECORDS_PER_CHUNK).block())
			.isEqualTo(AuditChainVerification.intact(5));
	}

	@Test
	void aRecordMissingAtTheStartOfAChunkIsFound() throws Exception {
		String tenant = fiveRecordChain("chunks-missing");
		tamper("DELETE FROM audit_log WHERE tenant_id = ? AND seq = 3", tenant);
		AuditChainVerification result = verifier.verify(tenant, RECORDS_PER_CHUNK).block();
		assertThat(result.valid()).isFalse();
		assertThat(result.firstBrokenSequence()).isEqualTo(3);
		assertThat(result.checkedRecords()).isEqualTo(2);
		assertThat(result.reason()).contains("record 3 is missing");
	}

	@Test
	void anAlteredRecordInALaterChunkIsFound() throws Exception {
		String tenant = fiveRecordChain("chunks-altered");
		tamper("UPDATE audit_log SET target_id = 'elsewhere' WHERE tenant_id = ? AND seq = 4", tenant);
		AuditChainVerification result = verifier.verify(tenant, RECORDS_PER_CHUNK).block();
		assertThat(result.valid()).isFalse();
		assertThat(result.firstBrokenSequence()).isEqualTo(4);
		assertThat(result.checkedRecords()).isEqualTo(3);
	}

	@Test
	void aRecordRewrittenWithAConsistentHashIsFoundByItsSuccessor() throws Exception {
		String tenant = fiveRecordChain("chunks-rehashed");
		// A forger who knows the hash function recomputes record 2's hash; record 3 still names the old one.
		tamper("UPDATE audit_log SET actor = 'mallory', hash = audit_record_hash(prev_hash, seq, id, occurred_at, 'mallory', "
				+ "action, target_type, target_id, source_address, before_image, after_image) WHERE tenant_id = ? AND seq = 2",
				tenant);
		AuditChainVerification result = verifier.verify(tenant, RECORDS_PER_CHUNK).block();
		assertThat(result.valid()).isFalse();
		assertThat(result.firstBrokenSequence()).isEqualTo(3);
		assertThat(result.reason()).contains("previous hash");
	}

	private String fiveRecordChain(String prefix) {
		String tenant = newTenant(prefix);
		GraphQlTester admin = graphQl(tenant, Role.ADMIN);
		for (int i = 1; i <= 5; i++) {
			admin.documentName("createAccount")
				.variable("input", Map.of("idempotencyKey", "k" + i, "code", "40000" + i, "name", "Account " + i, "type",
						"LIABILITY", "currency", "EUR"))
				.execute()
				.path("createAccount.userErrors").entityList(Object.class).hasSize(0);
		}
		return tenant;
	}

	private static void tamper(String statement, String tenant) throws Exception {
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

}
