package com.performanceos.rules.commissions.approval;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * The only code that names {@code commission_approval}, {@code commission_approval_step} and
 * {@code commission_approval_tenant} (the last read by {@link ApprovalEscalationSchedule} before entering a tenant).
 */
@Component
class ApprovalStore {

	/** The most steps one run's approval keeps: a run returned this often is a process problem, not a workflow. */
	static final int STEPS_MAX = 1_000;

	/** A run's approval with its steps, the row locked when {@code forUpdate}; empty when it was never submitted. */
	Mono<RunApproval> load(TenantTransaction tx, UUID runKey, boolean forUpdate) {
		return tx.db().sql("SELECT run_id, status, cycle, waiting_since, escalated_at, accrual_entry_ids, reversal_entry_ids "
				+ "FROM commission_approval WHERE run_id = :run" + (forUpdate ? " FOR UPDATE" : ""))
			.bind("run", runKey)
			.map(ApprovalStore::toApproval).one()
			.flatMap(approval -> steps(tx, runKey).map(steps -> new RunApproval(approval.runKey(), approval.status(), approval.cycle(),
					approval.waitingSince(), approval.escalatedAt(), approval.accrualEntries(), approval.reversalEntries(), steps)));
	}

	private Mono<List<ApprovalStep>> steps(TenantTransaction tx, UUID runKey) {
		return tx.db().sql("SELECT seq, cycle, action, actor, reps, comment, at FROM commission_approval_step WHERE run_id = :run "
				+ "ORDER BY seq LIMIT " + STEPS_MAX)
			.bind("run", runKey)
			.map(row -> new ApprovalStep(row.get("seq", Integer.class), row.get("cycle", Integer.class),
					ApprovalAction.valueOf(row.get("action", String.class)), row.get("actor", String.class),
					List.of(row.get("reps", String[].class)), row.get("comment", String.class),
					row.get("at", OffsetDateTime.class).toInstant()))
			.all().collectList();
	}

	/** Writes the approval's row (inserted at the first submission, updated after). */
	Mono<Long> save(TenantTransaction tx, RunApproval approval, boolean inserting) {
		String sql = inserting
				? "INSERT INTO commission_approval (tenant_id, run_id, status, cycle, waiting_since, escalated_at, accrual_entry_ids, reversal_entry_ids) "
						+ "VALUES (:tenant, :run, :status, :cycle, :since, :escalated, :accruals, :reversals)"
				: "UPDATE commission_approval SET status = :status, cycle = :cycle, waiting_since = :since, escalated_at = :escalated, "
						+ "accrual_entry_ids = :accruals, reversal_entry_ids = :reversals, updated_at = clock_timestamp() WHERE run_id = :run";
		var statement = tx.db().sql(sql).bind("run", approval.runKey()).bind("status", approval.status().name())
			.bind("cycle", approval.cycle()).bind("since", approval.waitingSince().atOffset(ZoneOffset.UTC))
			.bind("accruals", approval.accrualEntries().toArray(UUID[]::new)).bind("reversals", approval.reversalEntries().toArray(UUID[]::new));
		statement = approval.escalatedAt() == null ? statement.bindNull("escalated", OffsetDateTime.class)
				: statement.bind("escalated", approval.escalatedAt().atOffset(ZoneOffset.UTC));
		if (inserting) {
			statement = statement.bind("tenant", tx.tenant());
		}
		return statement.fetch().rowsUpdated();
	}

	Mono<Long> addStep(TenantTransaction tx, UUID runKey, ApprovalStep step) {
		var statement = tx.db().sql("INSERT INTO commission_approval_step (tenant_id, id, run_id, seq, cycle, action, actor, reps, comment, at) "
				+ "VALUES (:tenant, :id, :run, :seq, :cycle, :action, :actor, :reps, :comment, :at)")
			.bind("tenant", tx.tenant()).bind("id", UUID.randomUUID()).bind("run", runKey).bind("seq", step.seq()).bind("cycle", step.cycle())
			.bind("action", step.action().name()).bind("actor", step.actor()).bind("reps", step.reps().toArray(String[]::new))
			.bind("at", step.at().atOffset(ZoneOffset.UTC));
		statement = step.comment() == null ? statement.bindNull("comment", String.class) : statement.bind("comment", step.comment());
		return statement.fetch().rowsUpdated();
	}

	/** Notes that the tenant has approvals, so the scheduled escalation visits it. */
	Mono<Long> noteTenant(TenantTransaction tx) {
		return tx.db().sql("INSERT INTO commission_approval_tenant (tenant_id) VALUES (:tenant) ON CONFLICT DO NOTHING").bind("tenant", tx.tenant())
			.fetch().rowsUpdated();
	}

	/** Runs waiting for a step since before the cutoff whose wait was not escalated yet, oldest first, locked. */
	Mono<List<UUID>> overdue(TenantTransaction tx, Instant cutoff, int limit) {
		return tx.db().sql("SELECT run_id FROM commission_approval WHERE status IN ('SUBMITTED', 'MANAGER_APPROVED', 'APPROVED') "
				+ "AND escalated_at IS NULL AND waiting_since < :cutoff ORDER BY waiting_since, run_id LIMIT :limit FOR UPDATE SKIP LOCKED")
			.bind("cutoff", cutoff.atOffset(ZoneOffset.UTC)).bind("limit", limit)
			.map(row -> row.get("run_id", UUID.class)).all().collectList();
	}

	private static RunApproval toApproval(Readable row) {
		OffsetDateTime escalated = row.get("escalated_at", OffsetDateTime.class);
		return new RunApproval(row.get("run_id", UUID.class), ApprovalStatus.valueOf(row.get("status", String.class)),
				row.get("cycle", Integer.class), row.get("waiting_since", OffsetDateTime.class).toInstant(),
				escalated == null ? null : escalated.toInstant(), keys(row.get("accrual_entry_ids", UUID[].class)),
				keys(row.get("reversal_entry_ids", UUID[].class)), List.of());
	}

	private static List<UUID> keys(UUID @Nullable [] keys) {
		return keys == null ? List.of() : Arrays.asList(keys);
	}

}
