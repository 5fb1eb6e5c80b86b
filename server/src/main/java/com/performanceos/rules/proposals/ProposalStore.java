package com.performanceos.rules.proposals;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.ai.AiAnswer;
import com.performanceos.platform.tenancy.TenantTransaction;

/** The {@code rules_proposal} table, always inside the tenant's transaction. */
@Component
class ProposalStore {

	private static final String COLUMNS = "id, kind, status, target, request, payload, justification, model, prompt_sha256, prompt_tokens, "
			+ "completion_tokens, queued_reason, failure_reason, rule_version_id, requested_by, decided_by, created_at";

	/** Inserts a proposal as asked: QUEUED with the reason, or already answered (PROPOSED or FAILED). */
	Mono<Proposal> insert(TenantTransaction tx, Proposal proposal) {
		var insert = tx.db().sql("INSERT INTO rules_proposal (tenant_id, id, kind, status, target, request, payload, justification, model, "
				+ "prompt_sha256, prompt_tokens, completion_tokens, queued_reason, failure_reason, requested_by, answered_at) VALUES (:tenant, "
				+ ":id, :kind, :status, :target, :request, :payload, :justification, :model, :sha, :promptTokens, :completionTokens, "
				+ ":queuedReason, :failureReason, :requestedBy, CASE WHEN :status = 'QUEUED' THEN NULL ELSE clock_timestamp() END)")
			.bind("tenant", tx.tenant()).bind("id", proposal.key()).bind("kind", proposal.kind().name())
			.bind("status", proposal.status().name()).bind("target", proposal.target()).bind("request", proposal.request())
			.bind("sha", proposal.promptSha256()).bind("promptTokens", proposal.promptTokens())
			.bind("completionTokens", proposal.completionTokens()).bind("requestedBy", proposal.requestedBy());
		insert = nullable(insert, "payload", proposal.payloadText());
		insert = nullable(insert, "justification", proposal.justification());
		insert = nullable(insert, "model", proposal.model());
		insert = nullable(insert, "queuedReason", proposal.queuedReason());
		insert = nullable(insert, "failureReason", proposal.failureReason());
		return insert.fetch().rowsUpdated().then(find(tx.db(), proposal.key(), false));
	}

	Mono<Proposal> find(DatabaseClient db, UUID key, boolean forUpdate) {
		return db.sql("SELECT " + COLUMNS + " FROM rules_proposal WHERE id = :id" + (forUpdate ? " FOR UPDATE" : "")).bind("id", key)
			.map(ProposalStore::toProposal).one();
	}

	Mono<List<Proposal>> findAll(DatabaseClient db, Collection<UUID> keys) {
		return db.sql("SELECT " + COLUMNS + " FROM rules_proposal WHERE id = ANY(:ids)").bind("ids", keys.toArray(UUID[]::new))
			.map(ProposalStore::toProposal).all().collectList();
	}

	/** The newest proposals first, {@code limit} at most, before the keyset cursor when there is one. */
	Mono<List<Proposal>> page(DatabaseClient db, @Nullable OffsetDateTime beforeCreatedAt, @Nullable UUID beforeKey, int limit) {
		String where = beforeKey == null ? "" : " WHERE (created_at, id) < (:at, :id)";
		var select = db.sql("SELECT " + COLUMNS + " FROM rules_proposal" + where + " ORDER BY created_at DESC, id DESC LIMIT :limit")
			.bind("limit", limit);
		if (beforeKey != null && beforeCreatedAt != null) {
			select = select.bind("at", beforeCreatedAt).bind("id", beforeKey);
		}
		return select.map(ProposalStore::toProposal).all().collectList();
	}

	/** The tenant's last {@code limit} accepted proposals, newest decision first (what a model switch replays). */
	Mono<List<Proposal>> lastAccepted(DatabaseClient db, int limit) {
		return db.sql("SELECT " + COLUMNS + " FROM rules_proposal WHERE status = 'ACCEPTED' ORDER BY decided_at DESC, id LIMIT :limit")
			.bind("limit", limit).map(ProposalStore::toProposal).all().collectList();
	}

	/** Records a queued proposal's answer: PROPOSED with its payload, or FAILED with the reason. */
	Mono<Long> answered(TenantTransaction tx, UUID key, ProposalStatus status, @Nullable String payload, @Nullable String justification,
			@Nullable String failureReason, AiAnswer answer) {
		var update = tx.db().sql("UPDATE rules_proposal SET status = :status, payload = :payload, justification = :justification, "
				+ "model = :model, prompt_tokens = :promptTokens, completion_tokens = :completionTokens, failure_reason = :failureReason, "
				+ "queued_reason = NULL, answered_at = clock_timestamp() WHERE id = :id AND status = 'QUEUED'")
			.bind("id", key).bind("status", status.name()).bind("model", answer.model()).bind("promptTokens", answer.promptTokens())
			.bind("completionTokens", answer.completionTokens());
		update = nullable(update, "payload", payload);
		update = nullable(update, "justification", justification);
		update = nullable(update, "failureReason", failureReason);
		return update.fetch().rowsUpdated();
	}

	Mono<Proposal> decided(TenantTransaction tx, UUID key, ProposalStatus status, String decidedBy, @Nullable String note,
			@Nullable UUID versionKey) {
		var update = tx.db().sql("UPDATE rules_proposal SET status = :status, decided_by = :decidedBy, decision_note = :note, "
				+ "rule_version_id = :version, decided_at = clock_timestamp() WHERE id = :id")
			.bind("id", key).bind("status", status.name()).bind("decidedBy", decidedBy);
		update = nullable(update, "note", note);
		update = versionKey == null ? update.bindNull("version", UUID.class) : update.bind("version", versionKey);
		return update.fetch().rowsUpdated().then(find(tx.db(), key, false));
	}

	private static DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, String name, @Nullable String value) {
		return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
	}

	private static Proposal toProposal(Readable row) {
		return new Proposal(row.get("id", UUID.class), ProposalKind.valueOf(row.get("kind", String.class)),
				ProposalStatus.valueOf(row.get("status", String.class)), row.get("target", String.class), row.get("request", String.class),
				row.get("payload", String.class), row.get("justification", String.class), row.get("model", String.class),
				row.get("prompt_sha256", String.class), row.get("prompt_tokens", Long.class), row.get("completion_tokens", Long.class),
				row.get("queued_reason", String.class), row.get("failure_reason", String.class), row.get("rule_version_id", UUID.class),
				row.get("requested_by", String.class), row.get("decided_by", String.class),
				row.get("created_at", OffsetDateTime.class).toInstant());
	}

}
