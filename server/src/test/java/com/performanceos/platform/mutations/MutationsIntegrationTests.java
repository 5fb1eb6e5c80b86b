package com.performanceos.platform.mutations;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Mono;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.audit.AuditTrail;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MutationsIntegrationTests extends IntegrationTest {

	private static final String OPERATION = "test.mutation";

	@Autowired
	private Mutations mutations;

	@Autowired
	private TenantDatabase database;

	@Autowired
	private AuditTrail auditTrail;

	private final AtomicInteger runs = new AtomicInteger();

	@Test
	void freshKeyRunsTheWorkOnceAndALaterSameRequestReplaysItsResult() {
		String tenant = newTenant("mutation-replay");
		UUID result = UUID.randomUUID();

		String first = mutations.idempotent(tenant, request("k-1", "input-a"), tx -> committed("created " + result, result)).block();
		String again = mutations.idempotent(tenant, request("k-1", "input-a"), tx -> committed("created twice", UUID.randomUUID())).block();

		assertThat(first).isEqualTo("created " + result);
		assertThat(again).isEqualTo("replayed " + result);
		assertThat(runs).hasValue(1);
		assertThat(auditCount(tenant)).isEqualTo(1);
	}

	@Test
	void sameKeyWithAnotherInputIsAConflictAndRunsNothing() {
		String tenant = newTenant("mutation-conflict");
		mutations.idempotent(tenant, request("k-1", "input-a"), tx -> committed("created", UUID.randomUUID())).block();

		String conflict = mutations.idempotent(tenant, request("k-1", "input-b"), tx -> committed("created", UUID.randomUUID())).block();

		assertThat(conflict).isEqualTo("conflict");
		assertThat(runs).hasValue(1);
	}

	@Test
	void rejectedOutcomeRollsBackEverythingTheWorkWroteAndFreesTheKey() {
		String tenant = newTenant("mutation-rollback");

		String refused = mutations.idempotent(tenant, request("k-1", "input-a"),
				tx -> auditTrail.record(tx, audit("written before the refusal"))
					.thenReturn(Outcome.rejected("refused"))).block();
		// The claim rolled back with the refusal: a corrected input under the same key is fresh, not a conflict.
		String corrected = mutations.idempotent(tenant, request("k-1", "input-b"), tx -> committed("created", UUID.randomUUID())).block();

		assertThat(refused).isEqualTo("refused");
		assertThat(corrected).isEqualTo("created");
		assertThat(auditCount(tenant)).isEqualTo(1);
	}

	@Test
	void mutationWithoutKeyRecordsItsAuditOnlyWhenItCommits() {
		String tenant = newTenant("mutation-once");

		String done = mutations.once(tenant, tx -> Mono.just(Outcome.committed("done", audit("done")))).block();
		String refused = mutations.once(tenant, tx -> auditTrail.record(tx, audit("undone"))
			.thenReturn(Outcome.<String>rejected("refused"))).block();

		assertThat(done).isEqualTo("done");
		assertThat(refused).isEqualTo("refused");
		assertThat(auditCount(tenant)).isEqualTo(1);
	}

	@Test
	void refusesAKeyTheInputChecksShouldHaveReported() {
		assertThatIllegalArgumentException().isThrownBy(() -> request("", "input"));
		assertThatIllegalArgumentException().isThrownBy(() -> request("k".repeat(201), "input"));
	}

	private Idempotency<String> request(String key, String fingerprint) {
		return new Idempotency<>(OPERATION, key, fingerprint, () -> "conflict", (tx, resultId) -> Mono.just("replayed " + resultId));
	}

	private Mono<Outcome<String>> committed(String payload, UUID result) {
		runs.incrementAndGet();
		return Mono.just(Outcome.committed(payload, result, audit(payload)));
	}

	private static AuditEntry audit(String what) {
		return new AuditEntry("tester", "test.mutation.done", "Test", what, null, null, java.util.Map.of("what", what));
	}

	private long auditCount(String tenant) {
		return database.inTransaction(tenant, db -> db.sql("SELECT count(*) AS total FROM audit_log")
			.map(row -> row.get("total", Long.class))
			.one()).block();
	}

}
