package com.performanceos.rules.proposals;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;

/** The {@code rules_model_switch} and {@code rules_recertification} tables, in the tenant's transaction. */
@Component
class ModelGovernanceStore {

	private static final String COLUMNS = "id, from_model, to_model, proposals_replayed, outputs_compared, outputs_differing, gate, status, "
			+ "admin_approved_by, finance_approved_by, requested_by, created_at";

	Mono<ModelSwitch> insert(TenantTransaction tx, ModelSwitch change) {
		return tx.db().sql("INSERT INTO rules_model_switch (tenant_id, id, from_model, to_model, proposals_replayed, outputs_compared, "
				+ "outputs_differing, gate, status, requested_by) VALUES (:tenant, :id, :from, :to, :replayed, :compared, :differing, :gate, "
				+ "'PENDING', :requestedBy)")
			.bind("tenant", tx.tenant()).bind("id", change.key()).bind("from", change.fromModel()).bind("to", change.toModel())
			.bind("replayed", change.proposalsReplayed()).bind("compared", change.outputsCompared())
			.bind("differing", change.outputsDiffering()).bind("gate", change.gate().name()).bind("requestedBy", change.requestedBy())
			.fetch().rowsUpdated().then(find(tx, change.key()));
	}

	Mono<ModelSwitch> find(TenantTransaction tx, UUID key) {
		return tx.db().sql("SELECT " + COLUMNS + " FROM rules_model_switch WHERE id = :id").bind("id", key)
			.map(ModelGovernanceStore::toSwitch).one();
	}

	/** The newest switch of the tenant, locked when asked. */
	Mono<ModelSwitch> latest(TenantTransaction tx, boolean forUpdate) {
		return tx.db().sql("SELECT " + COLUMNS + " FROM rules_model_switch ORDER BY created_at DESC, id LIMIT 1" + (forUpdate ? " FOR UPDATE" : ""))
			.map(ModelGovernanceStore::toSwitch).first();
	}

	Mono<ModelSwitch> approved(TenantTransaction tx, UUID key, @Nullable String admin, @Nullable String finance) {
		var update = tx.db().sql("UPDATE rules_model_switch SET admin_approved_by = coalesce(admin_approved_by, :admin), "
				+ "finance_approved_by = coalesce(finance_approved_by, :finance) WHERE id = :id").bind("id", key);
		update = admin == null ? update.bindNull("admin", String.class) : update.bind("admin", admin);
		update = finance == null ? update.bindNull("finance", String.class) : update.bind("finance", finance);
		return update.fetch().rowsUpdated().then(find(tx, key));
	}

	Mono<ModelSwitch> status(TenantTransaction tx, UUID key, String status) {
		return tx.db().sql("UPDATE rules_model_switch SET status = :status, decided_at = clock_timestamp() WHERE id = :id")
			.bind("id", key).bind("status", status).fetch().rowsUpdated().then(find(tx, key));
	}

	/** Marks the versions TO_RECERTIFY under the switch. */
	Mono<Void> mark(TenantTransaction tx, UUID switchKey, List<AiProposal> accepted) {
		return reactor.core.publisher.Flux.fromIterable(accepted)
			.filter(proposal -> proposal.ruleVersionKey() != null && proposal.model() != null)
			.concatMap(proposal -> tx.db().sql("INSERT INTO rules_recertification (tenant_id, rule_version_id, switch_id, model) "
					+ "VALUES (:tenant, :version, :switch, :model) ON CONFLICT DO NOTHING")
				.bind("tenant", tx.tenant()).bind("version", java.util.Objects.requireNonNull(proposal.ruleVersionKey()))
				.bind("switch", switchKey).bind("model", java.util.Objects.requireNonNull(proposal.model())).fetch().rowsUpdated())
			.then();
	}

	Mono<Void> clear(TenantTransaction tx, UUID switchKey) {
		return tx.db().sql("UPDATE rules_recertification SET cleared_at = clock_timestamp() WHERE switch_id = :switch AND cleared_at IS NULL")
			.bind("switch", switchKey).fetch().rowsUpdated().then();
	}

	/** Versions marked TO_RECERTIFY and not cleared. */
	Mono<List<UUID>> toRecertify(TenantTransaction tx) {
		return tx.db().sql("SELECT DISTINCT rule_version_id FROM rules_recertification WHERE cleared_at IS NULL ORDER BY rule_version_id")
			.map(row -> row.get("rule_version_id", UUID.class)).all().collectList();
	}

	private static ModelSwitch toSwitch(Readable row) {
		return new ModelSwitch(row.get("id", UUID.class), row.get("from_model", String.class), row.get("to_model", String.class),
				row.get("proposals_replayed", Integer.class), row.get("outputs_compared", Integer.class),
				row.get("outputs_differing", Integer.class), ReplayGate.valueOf(row.get("gate", String.class)), row.get("status", String.class),
				row.get("admin_approved_by", String.class), row.get("finance_approved_by", String.class), row.get("requested_by", String.class),
				row.get("created_at", OffsetDateTime.class).toInstant());
	}

}
