package com.performanceos.rules.proposals;

import java.time.Instant;
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
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.tenancy.TenantTransaction;

/** The {@code rules_proposal} table, always inside the tenant's transaction. */
@Component
class ProposalStore {

	private static final String COLUMNS = "id, kind, status, target, request, payload, justification, model, prompt_sha256, prompt_tokens, "
			+ "completion_tokens, queued_reason, failure_reason, rule_version_id, requested_by, decided_by, created_at";

	/** Inserts a proposal as asked: QUEUED with the reason, or already answered (PROPOSED or FAILED). */
	Mono<AiProposal> insert(TenantTransaction tx, AiProposal proposal) {
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

	Mono<AiProposal> find(DatabaseClient db, UUID key, boolean forUpdate) {
		return db.sql("SELECT " + COLUMNS + " FROM rules_proposal WHERE id = :id" + (forUpdate ? " FOR UPDATE" : "")).bind("id", key)
			.map(ProposalStore::toProposal).one();
	}

	Mono<List<AiProposal>> findAll(DatabaseClient db, Collection<UUID> keys) {
		return db.sql("SELECT " + COLUMNS + " FROM rules_proposal WHERE id = ANY(:ids)").bind("ids", keys.toArray(UUID[]::new))
			.map(ProposalStore::toProposal).all().collectList();
	}

	/**
	 * One page of the tenant's proposals, newest first (created_at, then id, both descending: a stable order), filtered
	 * by status and kind when given; the keyset cursor is {@code <created at>|<id>}.
	 */
	Mono<Connection<AiProposal>> page(DatabaseClient db, PageRequest page, @Nullable ProposalStatus status, @Nullable ProposalKind kind,
			boolean countTotal) {
		String filter = (status == null ? "" : " AND status = :status") + (kind == null ? "" : " AND kind = :kind");
		@Nullable Instant cursorAt = null;
		@Nullable UUID cursorKey = null;
		if (page.cursorKey() != null) {
			String[] parts = page.cursorKey().split("\\|", 2);
			try {
				cursorAt = Instant.parse(parts[0]);
				cursorKey = UUID.fromString(parts[1]);
			}
			catch (RuntimeException ex) {
				throw new GraphQlException(ErrorCode.BAD_USER_INPUT, "Not a cursor of this list");
			}
		}
		String keyset = cursorKey == null ? "" : page.forward() ? " AND (created_at, id) < (:at, :id)" : " AND (created_at, id) > (:at, :id)";
		String order = page.forward() ? "DESC" : "ASC";
		var select = db.sql("SELECT " + COLUMNS + " FROM rules_proposal WHERE true" + filter + keyset + " ORDER BY created_at " + order + ", id "
				+ order + " LIMIT :limit").bind("limit", page.size() + 1);
		var count = db.sql("SELECT count(*) AS total FROM rules_proposal WHERE true" + filter);
		if (status != null) {
			select = select.bind("status", status.name());
			count = count.bind("status", status.name());
		}
		if (kind != null) {
			select = select.bind("kind", kind.name());
			count = count.bind("kind", kind.name());
		}
		if (cursorKey != null && cursorAt != null) {
			select = select.bind("at", cursorAt.atOffset(java.time.ZoneOffset.UTC)).bind("id", cursorKey);
		}
		Mono<Long> total = countTotal ? count.map(row -> row.get("total", Long.class)).one() : Mono.just((long) Connection.TOTAL_NOT_SELECTED);
		return select.map(ProposalStore::toProposal).all().collectList().zipWith(total, (found, counted) -> Connection.fromKeyset(page, found,
				proposal -> proposal.createdAt() + "|" + proposal.key(), Math.toIntExact(Math.min(counted, Integer.MAX_VALUE))));
	}

	/**
	 * The tenant's last {@code limit} accepted plans from sentences, newest decision first (what a model switch replays;
	 * mined rules asked no model).
	 */
	Mono<List<AiProposal>> lastAccepted(DatabaseClient db, int limit) {
		return db.sql("SELECT " + COLUMNS + " FROM rules_proposal WHERE status = 'ACCEPTED' AND kind = 'PLAN_FROM_SENTENCE' "
				+ "ORDER BY decided_at DESC, id LIMIT :limit")
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

	Mono<AiProposal> decided(TenantTransaction tx, UUID key, ProposalStatus status, String decidedBy, @Nullable String note,
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

	private static AiProposal toProposal(Readable row) {
		return new AiProposal(row.get("id", UUID.class), ProposalKind.valueOf(row.get("kind", String.class)),
				ProposalStatus.valueOf(row.get("status", String.class)), row.get("target", String.class), row.get("request", String.class),
				row.get("payload", String.class), row.get("justification", String.class), row.get("model", String.class),
				row.get("prompt_sha256", String.class), row.get("prompt_tokens", Long.class), row.get("completion_tokens", Long.class),
				row.get("queued_reason", String.class), row.get("failure_reason", String.class), row.get("rule_version_id", UUID.class),
				row.get("requested_by", String.class), row.get("decided_by", String.class),
				row.get("created_at", OffsetDateTime.class).toInstant());
	}

}
