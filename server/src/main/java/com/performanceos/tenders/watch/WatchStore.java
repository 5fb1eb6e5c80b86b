package com.performanceos.tenders.watch;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;

/** The SQL of saved searches, notices, watermarks and matches. */
@Component
class WatchStore {

	private static final String SEARCH_COLUMNS = "id, tenant_id, name, cpv_prefixes, keywords, departments, value_min, value_max, created_at";

	/** A stored notice and whether this ingestion created it (false: already seen, in this source or another). */
	record StoredNotice(UUID key, boolean created, List<String> sources) {
	}

	Mono<Void> insertSearch(TenantTransaction tx, SavedSearch search, String createdBy) {
		var insert = tx.db().sql("INSERT INTO tenders_watch_search (tenant_id, id, name, cpv_prefixes, keywords, departments, value_min, "
				+ "value_max, created_by, created_at) VALUES (:tenant, :id, :name, :cpv, :keywords, :departments, :min, :max, :by, :at)")
			.bind("tenant", tx.tenant())
			.bind("id", search.key())
			.bind("name", search.name())
			.bind("cpv", search.cpvPrefixes().toArray(String[]::new))
			.bind("keywords", search.keywords().toArray(String[]::new))
			.bind("departments", search.departments().toArray(String[]::new))
			.bind("by", createdBy)
			.bind("at", search.createdAt().atOffset(ZoneOffset.UTC));
		insert = search.valueMin() == null ? insert.bindNull("min", BigDecimal.class) : insert.bind("min", search.valueMin());
		insert = search.valueMax() == null ? insert.bindNull("max", BigDecimal.class) : insert.bind("max", search.valueMax());
		return insert.then()
			.then(tx.db().sql("INSERT INTO tenders_watch_tenant (tenant_id) VALUES (:tenant) ON CONFLICT DO NOTHING").bind("tenant", tx.tenant())
				.then());
	}

	Mono<Long> countSearches(DatabaseClient db) {
		return db.sql("SELECT count(*) AS total FROM tenders_watch_search WHERE tenant_id = current_tenant()")
			.map(row -> row.get("total", Long.class))
			.one();
	}

	/** The searches of the session's tenant, oldest first. */
	Mono<List<SavedSearch>> searches(DatabaseClient db) {
		return db.sql("SELECT " + SEARCH_COLUMNS + " FROM tenders_watch_search WHERE tenant_id = current_tenant() ORDER BY created_at, id")
			.map(WatchStore::toSearch)
			.all()
			.collectList();
	}

	/** Every tenant with a saved search (an open read: tenant names only). */
	Mono<List<String>> watchingTenants(DatabaseClient db) {
		return db.sql("SELECT tenant_id FROM tenders_watch_tenant ORDER BY tenant_id").map(row -> row.get("tenant_id", String.class)).all()
			.collectList();
	}

	/**
	 * Stores a notice once: a new (source, id) whose call is already known from another source only adds the source to
	 * the known notice; a (source, id) already stored changes nothing.
	 */
	Mono<StoredNotice> storeNotice(DatabaseClient db, Notice notice) {
		// A notice a source republished with another title or deadline keeps its first version: the (source, id) decides.
		return db.sql("SELECT id, sources FROM tenders_notice WHERE source = :source AND source_id = :sourceId")
			.bind("source", notice.source().name())
			.bind("sourceId", notice.sourceId())
			.map(row -> new StoredNotice(row.get("id", UUID.class), false, List.of(row.get("sources", String[].class))))
			.one()
			.switchIfEmpty(Mono.defer(() -> insertNotice(db, notice)));
	}

	private Mono<StoredNotice> insertNotice(DatabaseClient db, Notice notice) {
		var insert = db.sql("INSERT INTO tenders_notice (id, dedupe_key, source, source_id, sources, title, buyer_name, cpv_codes, departments, "
				+ "value, deadline, url, published_on) VALUES (:id, :key, :source, :sourceId, ARRAY[:source], :title, :buyer, :cpv, :departments, "
				+ ":value, :deadline, :url, :published) "
				+ "ON CONFLICT (dedupe_key) DO UPDATE SET sources = CASE WHEN :source = ANY(tenders_notice.sources) THEN tenders_notice.sources "
				+ "ELSE tenders_notice.sources || :source END "
				+ "RETURNING id, (xmax = 0) AS created, sources")
			.bind("id", UUID.randomUUID())
			.bind("key", notice.dedupeKey())
			.bind("source", notice.source().name())
			.bind("sourceId", notice.sourceId())
			.bind("title", notice.title())
			.bind("buyer", notice.buyerName())
			.bind("cpv", notice.cpvCodes().toArray(String[]::new))
			.bind("departments", notice.departments().toArray(String[]::new))
			.bind("published", notice.publishedOn());
		insert = notice.value() == null ? insert.bindNull("value", BigDecimal.class) : insert.bind("value", notice.value());
		insert = notice.deadline() == null ? insert.bindNull("deadline", OffsetDateTime.class)
				: insert.bind("deadline", notice.deadline().atOffset(ZoneOffset.UTC));
		insert = notice.url() == null ? insert.bindNull("url", String.class) : insert.bind("url", notice.url());
		return insert.map(row -> new StoredNotice(row.get("id", UUID.class), Boolean.TRUE.equals(row.get("created", Boolean.class)),
				List.of(row.get("sources", String[].class)))).one();
	}

	Mono<Optional<String>> watermark(DatabaseClient db, NoticeSource source) {
		return db.sql("SELECT watermark FROM tenders_watch_watermark WHERE source = :source").bind("source", source.name())
			.map(row -> row.get("watermark", String.class)).one().map(Optional::of).defaultIfEmpty(Optional.empty());
	}

	Mono<Void> advance(DatabaseClient db, NoticeSource source, String watermark) {
		return db.sql("INSERT INTO tenders_watch_watermark (source, watermark) VALUES (:source, :watermark) ON CONFLICT (source) DO UPDATE "
				+ "SET watermark = GREATEST(tenders_watch_watermark.watermark, EXCLUDED.watermark), polled_at = clock_timestamp()")
			.bind("source", source.name())
			.bind("watermark", watermark)
			.then();
	}

	Mono<Boolean> insertMatch(TenantTransaction tx, UUID searchKey, UUID noticeKey, Relevance.Match match) {
		return tx.db().sql("INSERT INTO tenders_watch_match (tenant_id, search_id, notice_id, score, explanation) VALUES "
				+ "(:tenant, :search, :notice, :score, :explanation) ON CONFLICT DO NOTHING")
			.bind("tenant", tx.tenant())
			.bind("search", searchKey)
			.bind("notice", noticeKey)
			.bind("score", match.score())
			.bind("explanation", match.explanation())
			.fetch()
			.rowsUpdated()
			.map(inserted -> inserted == 1);
	}

	/**
	 * Records a notice's matches for every tenant in one statement ({@code tenders_watch_record_matches}, which binds
	 * the transaction to each match's tenant in turn, so row-level security holds for every row). A match whose search
	 * its tenant no longer has, or already recorded, is skipped.
	 *
	 * @return the searches whose match was recorded
	 */
	Mono<Set<UUID>> recordMatches(DatabaseClient db, UUID noticeKey, List<WatchIndex.Hit> hits) {
		return db.sql("SELECT tenders_watch_record_matches(:notice, :tenants, :searches, :scores, :explanations) AS search_id")
			.bind("notice", noticeKey)
			.bind("tenants", hits.stream().map(hit -> hit.search().tenant()).toArray(String[]::new))
			.bind("searches", hits.stream().map(hit -> hit.search().key()).toArray(UUID[]::new))
			.bind("scores", hits.stream().map(hit -> hit.match().score()).toArray(Integer[]::new))
			.bind("explanations", hits.stream().map(hit -> hit.match().explanation()).toArray(String[]::new))
			.map(row -> row.get("search_id", UUID.class))
			.all()
			.collect(Collectors.toSet());
	}

	Mono<Void> insertDigest(TenantTransaction tx, UUID searchKey, String email) {
		return tx.db().sql("INSERT INTO tenders_watch_digest (tenant_id, search_id, email) VALUES (:tenant, :search, :email)")
			.bind("tenant", tx.tenant())
			.bind("search", searchKey)
			.bind("email", email)
			.then();
	}

	/** The digest addresses of the session's tenant's searches among {@code keys}. */
	Mono<Map<UUID, String>> digestEmails(DatabaseClient db, Collection<UUID> keys) {
		return db.sql("SELECT search_id, email FROM tenders_watch_digest WHERE search_id = ANY(:keys)")
			.bind("keys", keys.toArray(UUID[]::new))
			.map(row -> Map.entry(row.get("search_id", UUID.class), row.get("email", String.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/**
	 * The session's tenant's digests with matches after their {@code sent_through}: each with its first
	 * {@code matchesMax} new matches, oldest first, and whether more are waiting.
	 */
	Mono<List<WatchDigests.Digest>> dueDigests(DatabaseClient db, int matchesMax) {
		return db.sql("""
				SELECT d.search_id, s.name, d.email, m.matched_at, m.score, m.explanation, m.title, m.buyer_name, m.source, m.source_id,
				       m.deadline, m.url, m.published_on,
				       (SELECT count(*) FROM tenders_watch_match c WHERE c.search_id = d.search_id AND c.matched_at > d.sent_through) AS waiting
				FROM tenders_watch_digest d
				JOIN tenders_watch_search s ON s.id = d.search_id
				CROSS JOIN LATERAL (
				  SELECT m.matched_at, m.score, m.explanation, m.notice_id, n.title, n.buyer_name, n.source, n.source_id, n.deadline, n.url,
				         n.published_on
				  FROM tenders_watch_match m JOIN tenders_notice n ON n.id = m.notice_id
				  WHERE m.search_id = d.search_id AND m.matched_at > d.sent_through
				  ORDER BY m.matched_at, m.notice_id
				  LIMIT :max
				) m
				ORDER BY d.search_id, m.matched_at, m.notice_id""")
			.bind("max", matchesMax)
			.map(row -> new DigestRow(row.get("search_id", UUID.class), row.get("name", String.class), row.get("email", String.class),
					new WatchDigests.Line(row.get("matched_at", OffsetDateTime.class).toInstant(), row.get("score", Integer.class),
							row.get("explanation", String.class), row.get("title", String.class), row.get("buyer_name", String.class),
							row.get("source", String.class), row.get("source_id", String.class),
							row.get("deadline", OffsetDateTime.class) == null ? null : row.get("deadline", OffsetDateTime.class).toInstant(),
							row.get("url", String.class), row.get("published_on", java.time.LocalDate.class)),
					row.get("waiting", Long.class)))
			.all()
			.bufferUntilChanged(DigestRow::search)
			.map(rows -> {
				List<WatchDigests.Line> lines = rows.stream().map(DigestRow::line).toList();
				DigestRow first = rows.getFirst();
				return new WatchDigests.Digest(first.search(), first.name(), first.email(), lines, first.waiting() - lines.size());
			})
			.collectList();
	}

	private record DigestRow(UUID search, String name, String email, WatchDigests.Line line, long waiting) {
	}

	/** The digest was taken by the SMTP server: its matches up to {@code through} are sent. */
	Mono<Void> digestSent(DatabaseClient db, UUID searchKey, java.time.Instant through) {
		return db.sql("UPDATE tenders_watch_digest SET sent_through = GREATEST(sent_through, :through), last_sent_at = clock_timestamp(), "
				+ "last_error = NULL WHERE search_id = :search")
			.bind("through", through.atOffset(ZoneOffset.UTC))
			.bind("search", searchKey)
			.then();
	}

	Mono<Void> digestFailed(DatabaseClient db, UUID searchKey, String error) {
		return db.sql("UPDATE tenders_watch_digest SET last_error = :error WHERE search_id = :search")
			.bind("error", error.length() > 1000 ? error.substring(0, 1000) : error)
			.bind("search", searchKey)
			.then();
	}

	private static SavedSearch toSearch(Readable row) {
		return new SavedSearch(row.get("id", UUID.class), row.get("tenant_id", String.class), row.get("name", String.class),
				Arrays.asList(row.get("cpv_prefixes", String[].class)), Arrays.asList(row.get("keywords", String[].class)),
				Arrays.asList(row.get("departments", String[].class)), row.get("value_min", BigDecimal.class), row.get("value_max", BigDecimal.class),
				row.get("created_at", OffsetDateTime.class).toInstant());
	}

}
