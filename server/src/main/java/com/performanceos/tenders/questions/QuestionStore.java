package com.performanceos.tenders.questions;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;

/** The SQL of clarification questions; what a session sees is decided by the table's row policy. */
@Component
class QuestionStore {

	private static final String COLUMNS = "id, tender_id, question, asked_at, answer, answered_at, tenant_id = current_tenant() AS own";

	Mono<Question> insert(TenantTransaction tx, UUID key, UUID tenderKey, String buyerTenant, String question) {
		return tx.db().sql("INSERT INTO tenders_question (tenant_id, id, tender_id, buyer_tenant_id, question) VALUES "
				+ "(:tenant, :id, :tender, :buyer, :question) RETURNING " + COLUMNS)
			.bind("tenant", tx.tenant())
			.bind("id", key)
			.bind("tender", tenderKey)
			.bind("buyer", buyerTenant)
			.bind("question", question)
			.map(QuestionStore::toQuestion)
			.one();
	}

	Mono<Long> count(DatabaseClient db, UUID tenderKey) {
		// Counted as the asker sees them; the bound is approximate across tenants, and exact for the buyer.
		return db.sql("SELECT count(*) AS total FROM tenders_question WHERE tender_id = :tender").bind("tender", tenderKey)
			.map(row -> row.get("total", Long.class)).one();
	}

	/** A question of the session's tenant's tenders, locked for its answer; empty for anyone but the buyer. */
	Mono<Question> buyersForUpdate(DatabaseClient db, UUID key) {
		return db.sql("SELECT " + COLUMNS + " FROM tenders_question WHERE id = :id AND buyer_tenant_id = current_tenant() FOR UPDATE")
			.bind("id", key)
			.map(QuestionStore::toQuestion)
			.one();
	}

	Mono<Question> answer(DatabaseClient db, UUID key, String answer, String answeredBy) {
		return db.sql("UPDATE tenders_question SET answer = :answer, answered_at = clock_timestamp(), answered_by = :by WHERE id = :id "
				+ "RETURNING " + COLUMNS)
			.bind("answer", answer)
			.bind("by", answeredBy)
			.bind("id", key)
			.map(QuestionStore::toQuestion)
			.one();
	}

	Mono<Map<UUID, List<Question>>> byTender(DatabaseClient db, Collection<UUID> tenderKeys) {
		return db.sql("SELECT " + COLUMNS + " FROM tenders_question WHERE tender_id = ANY(:tenders) ORDER BY tender_id, asked_at, id")
			.bind("tenders", tenderKeys.toArray(UUID[]::new))
			.map(QuestionStore::toQuestion)
			.all()
			.collect(LinkedHashMap<UUID, List<Question>>::new, (map, question) -> map.computeIfAbsent(question.tenderKey(),
					key -> new ArrayList<>()).add(question))
			.map(map -> (Map<UUID, List<Question>>) map);
	}

	private static Question toQuestion(Readable row) {
		OffsetDateTime answeredAt = row.get("answered_at", OffsetDateTime.class);
		return new Question(row.get("id", UUID.class), row.get("tender_id", UUID.class), row.get("question", String.class),
				row.get("asked_at", OffsetDateTime.class).toInstant(), row.get("answer", String.class),
				answeredAt == null ? null : answeredAt.toInstant(), Boolean.TRUE.equals(row.get("own", Boolean.class)));
	}

}
