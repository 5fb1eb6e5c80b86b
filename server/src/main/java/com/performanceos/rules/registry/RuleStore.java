package com.performanceos.rules.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.tenancy.TenantTransaction;

/** The registry's SQL: the only code that names the {@code rules_*} tables. Row-level security confines it to the tenant. */
@Component
class RuleStore {

	private static final String RULE_COLUMNS = "id, name, kind, description, created_by, created_at";

	private static final String VERSION_COLUMNS = "v.id, v.rule_id, r.kind, v.number, v.status, v.definition, v.definition_sha256, "
			+ "v.examples, v.author, v.origin, v.ai_model, v.ai_justification, v.change_note, v.valid_from, v.valid_to, "
			+ "v.rollback_of, v.created_at, v.approved_by, v.published_by, v.published_at";

	private static final String VERSIONS = " FROM rules_version v JOIN rules_rule r ON r.id = v.rule_id";

	Mono<Rule> insertRule(TenantTransaction tx, UUID key, String name, RuleKind kind, String description, String createdBy) {
		return tx.db().sql("INSERT INTO rules_rule (tenant_id, id, name, kind, description, created_by) "
				+ "VALUES (:tenant, :id, :name, :kind, :description, :createdBy) RETURNING " + RULE_COLUMNS)
			.bind("tenant", tx.tenant()).bind("id", key).bind("name", name).bind("kind", kind.name())
			.bind("description", description).bind("createdBy", createdBy)
			.map(RuleStore::toRule).one();
	}

	Mono<Boolean> nameTaken(DatabaseClient db, String name) {
		return db.sql("SELECT 1 FROM rules_rule WHERE name = :name").bind("name", name).map(row -> true).first()
			.defaultIfEmpty(false);
	}

	Mono<List<Rule>> rules(DatabaseClient db, Collection<UUID> keys) {
		return db.sql("SELECT " + RULE_COLUMNS + " FROM rules_rule WHERE id = ANY(:keys)")
			.bind("keys", keys.toArray(UUID[]::new)).map(RuleStore::toRule).all().collectList();
	}

	Mono<List<Rule>> rulePage(DatabaseClient db, PageRequest page) {
		String where = page.cursorKey() == null ? "" : " WHERE name " + (page.forward() ? ">" : "<") + " :cursor";
		var select = db.sql("SELECT " + RULE_COLUMNS + " FROM rules_rule" + where + " ORDER BY name "
				+ (page.forward() ? "ASC" : "DESC") + " LIMIT :limit").bind("limit", page.size() + 1);
		if (page.cursorKey() != null) {
			select = select.bind("cursor", page.cursorKey());
		}
		return select.map(RuleStore::toRule).all().collectList();
	}

	Mono<Integer> ruleCount(DatabaseClient db) {
		return db.sql("SELECT count(*) AS total FROM rules_rule").map(row -> row.get("total", Long.class).intValue()).one();
	}

	/**
	 * The next version number of a rule. Versions of one rule are numbered under a transaction-scoped advisory lock,
	 * so two concurrent saves wait for each other instead of colliding on the unique number.
	 */
	Mono<Integer> nextNumber(DatabaseClient db, UUID ruleKey) {
		return db.sql("SELECT pg_advisory_xact_lock(hashtextextended(:rule, 40))").bind("rule", ruleKey.toString())
			.fetch().rowsUpdated().then(db.sql("SELECT coalesce(max(number), 0) + 1 AS next FROM rules_version WHERE rule_id = :rule")
				.bind("rule", ruleKey).map(row -> row.get("next", Integer.class)).one());
	}

	Mono<RuleVersion> insertVersion(TenantTransaction tx, RuleVersion version) {
		var insert = tx.db().sql("INSERT INTO rules_version (tenant_id, id, rule_id, number, status, definition, definition_sha256, "
				+ "examples, author, origin, ai_model, ai_justification, change_note, valid_from, valid_to, rollback_of, approved_by, "
				+ "published_by, published_at) VALUES (:tenant, :id, :rule, :number, :status, :definition, :sha, :examples, :author, "
				+ ":origin, :aiModel, :aiJustification, :changeNote, :validFrom, :validTo, :rollbackOf, :approvedBy, :publishedBy, "
				+ ":publishedAt)")
			.bind("tenant", tx.tenant()).bind("id", version.key()).bind("rule", version.ruleKey())
			.bind("number", version.number()).bind("status", version.status().name())
			.bind("definition", version.definitionText()).bind("sha", version.definitionSha256())
			.bind("examples", RuleExample.write(version.examples())).bind("author", version.author())
			.bind("origin", version.origin().name()).bind("changeNote", version.changeNote())
			.bind("validFrom", version.validFrom());
		insert = bindNullable(insert, "aiModel", version.aiModel(), String.class);
		insert = bindNullable(insert, "aiJustification", version.aiJustification(), String.class);
		insert = bindNullable(insert, "validTo", version.validTo(), LocalDate.class);
		insert = bindNullable(insert, "rollbackOf", version.rollbackOf(), UUID.class);
		insert = bindNullable(insert, "approvedBy", version.approvedBy(), String.class);
		insert = bindNullable(insert, "publishedBy", version.publishedBy(), String.class);
		insert = bindNullable(insert, "publishedAt", version.publishedAt() == null ? null
				: version.publishedAt().atOffset(java.time.ZoneOffset.UTC), OffsetDateTime.class);
		return insert.fetch().rowsUpdated().then(version(tx.db(), version.key(), false)).map(found -> found);
	}

	Mono<RuleVersion> version(DatabaseClient db, UUID key, boolean forUpdate) {
		return db.sql("SELECT " + VERSION_COLUMNS + VERSIONS + " WHERE v.id = :id" + (forUpdate ? " FOR UPDATE OF v" : ""))
			.bind("id", key).map(RuleStore::toVersion).one();
	}

	Mono<List<RuleVersion>> versions(DatabaseClient db, Collection<UUID> keys) {
		return db.sql("SELECT " + VERSION_COLUMNS + VERSIONS + " WHERE v.id = ANY(:keys)")
			.bind("keys", keys.toArray(UUID[]::new)).map(RuleStore::toVersion).all().collectList();
	}

	Mono<List<RuleVersion>> versionsOfRules(DatabaseClient db, Collection<UUID> ruleKeys) {
		return db.sql("SELECT " + VERSION_COLUMNS + VERSIONS + " WHERE v.rule_id = ANY(:keys) ORDER BY v.rule_id, v.number")
			.bind("keys", ruleKeys.toArray(UUID[]::new)).map(RuleStore::toVersion).all().collectList();
	}

	/** A page of one rule's versions in keyset order of their number. */
	Mono<List<RuleVersion>> versionPage(DatabaseClient db, UUID ruleKey, PageRequest page, @Nullable Integer afterNumber) {
		String where = afterNumber == null ? "" : " AND v.number " + (page.forward() ? ">" : "<") + " :cursor";
		var select = db.sql("SELECT " + VERSION_COLUMNS + VERSIONS + " WHERE v.rule_id = :rule" + where + " ORDER BY v.number "
				+ (page.forward() ? "ASC" : "DESC") + " LIMIT :limit").bind("rule", ruleKey).bind("limit", page.size() + 1);
		if (afterNumber != null) {
			select = select.bind("cursor", afterNumber);
		}
		return select.map(RuleStore::toVersion).all().collectList();
	}

	Mono<Integer> versionCountOfRule(DatabaseClient db, UUID ruleKey) {
		return db.sql("SELECT count(*) AS total FROM rules_version WHERE rule_id = :rule").bind("rule", ruleKey)
			.map(row -> row.get("total", Long.class).intValue()).one();
	}

	Mono<List<Rule>> allRules(DatabaseClient db) {
		return db.sql("SELECT " + RULE_COLUMNS + " FROM rules_rule ORDER BY name").map(RuleStore::toRule).all().collectList();
	}

	Mono<Integer> versionCount(DatabaseClient db) {
		return db.sql("SELECT count(*) AS total FROM rules_version").map(row -> row.get("total", Long.class).intValue()).one();
	}

	Mono<List<RuleVersion>> allVersions(DatabaseClient db) {
		return db.sql("SELECT " + VERSION_COLUMNS + VERSIONS + " ORDER BY r.name, v.number").map(RuleStore::toVersion).all().collectList();
	}

	Mono<RuleVersion> versionByNumber(DatabaseClient db, UUID ruleKey, int number) {
		return db.sql("SELECT " + VERSION_COLUMNS + VERSIONS + " WHERE v.rule_id = :rule AND v.number = :number")
			.bind("rule", ruleKey).bind("number", number).map(RuleStore::toVersion).one();
	}

	/** The version in force on a day: the newest published version whose interval holds it. */
	Mono<RuleVersion> inForce(DatabaseClient db, UUID ruleKey, LocalDate day) {
		return db.sql("SELECT " + VERSION_COLUMNS + VERSIONS + " WHERE v.rule_id = :rule AND v.status = 'PUBLISHED' "
				+ "AND v.valid_from <= :day AND (v.valid_to IS NULL OR v.valid_to >= :day) ORDER BY v.number DESC LIMIT 1")
			.bind("rule", ruleKey).bind("day", day).map(RuleStore::toVersion).one();
	}

	/** The version of each named rule in force on a day (the newest published whose interval holds it), by rule name. */
	Mono<Map<String, RuleVersion>> inForceByName(DatabaseClient db, Collection<String> names, LocalDate day) {
		return db.sql("SELECT DISTINCT ON (r.name) r.name AS rule_name, " + VERSION_COLUMNS + VERSIONS
				+ " WHERE r.name = ANY(:names) AND v.status = 'PUBLISHED' AND v.valid_from <= :day "
				+ "AND (v.valid_to IS NULL OR v.valid_to >= :day) ORDER BY r.name, v.number DESC")
			.bind("names", names.toArray(String[]::new)).bind("day", day)
			.map(row -> Map.entry(row.get("rule_name", String.class), toVersion(row))).all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/**
	 * The named rules that exist, each with its PUBLISHED versions (an empty list when none is): what a new
	 * publication's sub-decisions could call, on any day.
	 */
	Mono<Map<String, List<RuleVersion>>> publishedByName(DatabaseClient db, Collection<String> names) {
		return db.sql("SELECT r.name AS rule_name, " + VERSION_COLUMNS + " FROM rules_rule r LEFT JOIN rules_version v "
				+ "ON v.rule_id = r.id AND v.status = 'PUBLISHED' WHERE r.name = ANY(:names) ORDER BY r.name, v.number")
			.bind("names", names.toArray(String[]::new))
			.map(row -> Map.entry(row.get("rule_name", String.class),
					Optional.ofNullable(row.get("id", UUID.class) == null ? null : toVersion(row))))
			.all()
			.collect(LinkedHashMap<String, List<RuleVersion>>::new, (byName, entry) -> {
				List<RuleVersion> versions = byName.computeIfAbsent(entry.getKey(), name -> new ArrayList<>());
				entry.getValue().ifPresent(versions::add);
			})
			.map(byName -> byName);
	}

	Mono<Long> updateStatus(DatabaseClient db, RuleVersion version) {
		var update = db.sql("UPDATE rules_version SET status = :status, approved_by = :approvedBy, published_by = :publishedBy, "
				+ "published_at = :publishedAt WHERE id = :id").bind("id", version.key()).bind("status", version.status().name());
		update = bindNullable(update, "approvedBy", version.approvedBy(), String.class);
		update = bindNullable(update, "publishedBy", version.publishedBy(), String.class);
		update = bindNullable(update, "publishedAt", version.publishedAt() == null ? null
				: version.publishedAt().atOffset(java.time.ZoneOffset.UTC), OffsetDateTime.class);
		return update.fetch().rowsUpdated();
	}

	Mono<Long> recordTransition(TenantTransaction tx, RuleVersion version, @Nullable VersionStatus from, String actor,
			String justification) {
		var insert = tx.db().sql("INSERT INTO rules_transition (tenant_id, rule_id, version_id, from_status, to_status, actor, "
				+ "justification) VALUES (:tenant, :rule, :version, :from, :to, :actor, :justification)")
			.bind("tenant", tx.tenant()).bind("rule", version.ruleKey()).bind("version", version.key())
			.bind("to", version.status().name()).bind("actor", actor).bind("justification", justification);
		return bindNullable(insert, "from", from == null ? null : from.name(), String.class).fetch().rowsUpdated();
	}

	/** A rule's history between two instants, oldest first, keyed by sequence for paging. */
	Mono<List<RuleHistoryEntry>> history(DatabaseClient db, UUID ruleKey, @Nullable Instant from, @Nullable Instant to,
			@Nullable Long after, int limit) {
		var select = db.sql("SELECT t.sequence, t.version_id, v.number, t.from_status, t.to_status, t.actor, t.justification, "
				+ "t.occurred_at FROM rules_transition t JOIN rules_version v ON v.id = t.version_id WHERE t.rule_id = :rule "
				+ "AND t.occurred_at >= :from AND t.occurred_at < :to AND t.sequence > :after ORDER BY t.sequence LIMIT :limit")
			.bind("rule", ruleKey)
			.bind("from", (from == null ? Instant.EPOCH : from).atOffset(java.time.ZoneOffset.UTC))
			.bind("to", (to == null ? Instant.parse("9999-12-31T00:00:00Z") : to).atOffset(java.time.ZoneOffset.UTC))
			.bind("after", after == null ? 0L : after)
			.bind("limit", limit);
		return select.map(row -> new RuleHistoryEntry(row.get("sequence", Long.class), row.get("version_id", UUID.class),
				row.get("number", Integer.class), status(row.get("from_status", String.class)),
				VersionStatus.valueOf(row.get("to_status", String.class)), row.get("actor", String.class),
				row.get("justification", String.class), row.get("occurred_at", OffsetDateTime.class).toInstant()))
			.all().collectList();
	}

	/** The tenant's own separation of duties, when it set one. */
	Mono<DutySeparation> dutySeparation(DatabaseClient db) {
		return db.sql("SELECT pairs, updated_by, updated_at FROM rules_duty_separation")
			.map(row -> DutySeparation.of(DutySeparation.parse(row.get("pairs", String.class)), true, row.get("updated_by", String.class),
					row.get("updated_at", OffsetDateTime.class).toInstant()))
			.one();
	}

	Mono<DutySeparation> saveDutySeparation(TenantTransaction tx, DutySeparation separation, String actor) {
		return tx.db().sql("INSERT INTO rules_duty_separation (tenant_id, pairs, updated_by) VALUES (:tenant, :pairs, :actor) "
				+ "ON CONFLICT (tenant_id) DO UPDATE SET pairs = EXCLUDED.pairs, updated_by = EXCLUDED.updated_by, "
				+ "updated_at = clock_timestamp()")
			.bind("tenant", tx.tenant()).bind("pairs", separation.text()).bind("actor", actor)
			.fetch().rowsUpdated().then(dutySeparation(tx.db()));
	}

	/** Recorded evaluateRule calls of one tenant, in one statement. */
	Mono<Long> insertEvaluations(TenantTransaction tx, List<EvaluationLog.Entry> entries) {
		return tx.db().sql("""
				INSERT INTO rules_evaluation (tenant_id, rule_id, version_id, version_number, input_count, input_sha256, output_sha256,
				                              output_json, error_count, duration_micros, caller, as_of, evaluated_at)
				SELECT :tenant, e.* FROM unnest(CAST(:rules AS uuid[]), CAST(:versions AS uuid[]), CAST(:numbers AS int[]),
				       CAST(:counts AS int[]), CAST(:inputs AS text[]), CAST(:outputs AS text[]), CAST(:outputJsons AS text[]),
				       CAST(:errors AS int[]), CAST(:durations AS bigint[]), CAST(:callers AS text[]), CAST(:days AS date[]),
				       CAST(:times AS timestamptz[]))
				     AS e(rule_id, version_id, version_number, input_count, input_sha256, output_sha256, output_json, error_count,
				          duration_micros, caller, as_of, evaluated_at)""")
			.bind("tenant", tx.tenant())
			.bind("rules", entries.stream().map(EvaluationLog.Entry::ruleKey).toArray(UUID[]::new))
			.bind("versions", entries.stream().map(EvaluationLog.Entry::versionKey).toArray(UUID[]::new))
			.bind("numbers", entries.stream().map(EvaluationLog.Entry::versionNumber).toArray(Integer[]::new))
			.bind("counts", entries.stream().map(EvaluationLog.Entry::inputCount).toArray(Integer[]::new))
			.bind("inputs", entries.stream().map(EvaluationLog.Entry::inputSha256).toArray(String[]::new))
			.bind("outputs", entries.stream().map(EvaluationLog.Entry::outputSha256).toArray(String[]::new))
			.bind("outputJsons", entries.stream().map(EvaluationLog.Entry::outputJson).toArray(String[]::new))
			.bind("errors", entries.stream().map(EvaluationLog.Entry::errorCount).toArray(Integer[]::new))
			.bind("durations", entries.stream().map(EvaluationLog.Entry::durationMicros).toArray(Long[]::new))
			.bind("callers", entries.stream().map(EvaluationLog.Entry::caller).toArray(String[]::new))
			.bind("days", entries.stream().map(EvaluationLog.Entry::asOf).toArray(LocalDate[]::new))
			.bind("times", entries.stream().map(entry -> entry.evaluatedAt().toString()).toArray(String[]::new))
			.fetch().rowsUpdated();
	}

	/** Recorded evaluations of a rule, oldest first, keyed by sequence for paging. */
	Mono<List<RuleEvaluationRecord>> evaluations(DatabaseClient db, UUID ruleKey, @Nullable Integer versionNumber,
			@Nullable Instant from, @Nullable Instant to, @Nullable Long after, int limit) {
		var select = db.sql("SELECT sequence, version_id, version_number, input_count, input_sha256, output_sha256, output_json, "
				+ "error_count, duration_micros, caller, as_of, evaluated_at FROM rules_evaluation WHERE rule_id = :rule "
				+ (versionNumber == null ? "" : "AND version_number = :number ")
				+ "AND evaluated_at >= :from AND evaluated_at < :to AND sequence > :after ORDER BY sequence LIMIT :limit")
			.bind("rule", ruleKey)
			.bind("from", (from == null ? Instant.EPOCH : from).atOffset(java.time.ZoneOffset.UTC))
			.bind("to", (to == null ? Instant.parse("9999-12-31T00:00:00Z") : to).atOffset(java.time.ZoneOffset.UTC))
			.bind("after", after == null ? 0L : after)
			.bind("limit", limit);
		if (versionNumber != null) {
			select = select.bind("number", versionNumber);
		}
		return select.map(row -> new RuleEvaluationRecord(row.get("sequence", Long.class), row.get("version_id", UUID.class),
				row.get("version_number", Integer.class), row.get("input_count", Integer.class), row.get("input_sha256", String.class),
				row.get("output_sha256", String.class), row.get("output_json", String.class), row.get("error_count", Integer.class),
				row.get("duration_micros", Long.class), row.get("caller", String.class), row.get("as_of", LocalDate.class),
				row.get("evaluated_at", OffsetDateTime.class).toInstant()))
			.all().collectList();
	}

	private static @Nullable VersionStatus status(@Nullable String name) {
		return name == null ? null : VersionStatus.valueOf(name);
	}

	private static <T> DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec, String name,
			@Nullable T value, Class<T> type) {
		return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
	}

	private static Rule toRule(Readable row) {
		return new Rule(row.get("id", UUID.class), row.get("name", String.class), RuleKind.valueOf(row.get("kind", String.class)),
				row.get("description", String.class), row.get("created_by", String.class),
				row.get("created_at", OffsetDateTime.class).toInstant());
	}

	private static RuleVersion toVersion(Readable row) {
		OffsetDateTime publishedAt = row.get("published_at", OffsetDateTime.class);
		return new RuleVersion(row.get("id", UUID.class), row.get("rule_id", UUID.class),
				RuleKind.valueOf(row.get("kind", String.class)), row.get("number", Integer.class),
				VersionStatus.valueOf(row.get("status", String.class)), row.get("definition", String.class),
				row.get("definition_sha256", String.class), RuleExample.read(row.get("examples", String.class)),
				row.get("author", String.class), RuleOrigin.valueOf(row.get("origin", String.class)),
				row.get("ai_model", String.class), row.get("ai_justification", String.class), row.get("change_note", String.class),
				row.get("valid_from", LocalDate.class), row.get("valid_to", LocalDate.class), row.get("rollback_of", UUID.class),
				row.get("created_at", OffsetDateTime.class).toInstant(), row.get("approved_by", String.class),
				row.get("published_by", String.class), publishedAt == null ? null : publishedAt.toInstant());
	}

}
