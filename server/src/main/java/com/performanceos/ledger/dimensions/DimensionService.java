package com.performanceos.ledger.dimensions;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.dimensions.DimensionInputs.CreateDimensionInput;
import com.performanceos.ledger.dimensions.DimensionInputs.CreateMemberInput;
import com.performanceos.ledger.dimensions.DimensionInputs.DimensionPayload;
import com.performanceos.ledger.dimensions.DimensionInputs.Error;
import com.performanceos.ledger.dimensions.DimensionInputs.ErrorCode;
import com.performanceos.ledger.dimensions.DimensionInputs.MemberPayload;
import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.mutations.Idempotency;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.platform.tenancy.TenantTransaction;

/** Defines and reads the dimensions of the caller's tenant and their members. */
@Service
class DimensionService {

	private static final String DIMENSION_COLUMNS = "id, code, name, created_at";

	private static final String MEMBER_COLUMNS = "id, dimension_id, code, name, created_at";

	private final TenantDatabase database;

	private final Mutations mutations;

	DimensionService(TenantDatabase database, Mutations mutations) {
		this.database = database;
		this.mutations = mutations;
	}

	Mono<DimensionPayload> createDimension(Viewer viewer, CreateDimensionInput input, @Nullable String sourceAddress) {
		return Mutations.unlessInvalid(input.validate(), problems -> new DimensionPayload(null, problems),
				() -> mutations.idempotent(viewer.tenant(), new Idempotency<>(DimensionInputs.CREATE_DIMENSION, input.idempotencyKey(),
						input.fingerprint(), () -> DimensionPayload.failed(Error.conflict()),
						(tx, key) -> dimensions(tx.db(), List.of(key)).map(found -> new DimensionPayload(found.get(0), List.of()))),
						tx -> tx.db().sql("INSERT INTO ledger_dimension (tenant_id, id, code, name) VALUES (:tenant, :id, :code, :name) "
								+ "ON CONFLICT (tenant_id, code) DO NOTHING RETURNING " + DIMENSION_COLUMNS)
							.bind("tenant", tx.tenant())
							.bind("id", UUID.randomUUID())
							.bind("code", input.code())
							.bind("name", input.name().strip())
							.map(DimensionService::toDimension)
							.one()
							.map(dimension -> Outcome.committed(new DimensionPayload(dimension, List.of()), dimension.key(),
									new AuditEntry(viewer.subject(), "ledger.dimension.created", Dimension.TYPE_NAME, dimension.id(), sourceAddress,
											null, Map.of("id", dimension.id(), "code", dimension.code(), "name", dimension.name()))))
							.defaultIfEmpty(Outcome.rejected(duplicateDimension(input))))
					// A concurrent creation of the same code with another key won the unique constraint.
					.onErrorResume(DuplicateKeyException.class, ex -> Mono.just(duplicateDimension(input))));
	}

	Mono<MemberPayload> createMember(Viewer viewer, CreateMemberInput input, @Nullable String sourceAddress) {
		List<Error> invalid = new ArrayList<>(input.validate());
		var dimensionKey = GlobalId.decode(input.dimensionId(), Dimension.TYPE_NAME);
		if (dimensionKey.isEmpty()) {
			invalid.add(unknownDimension(input));
		}
		return Mutations.unlessInvalid(invalid, problems -> new MemberPayload(null, problems),
				() -> mutations.idempotent(viewer.tenant(), new Idempotency<>(DimensionInputs.CREATE_MEMBER, input.idempotencyKey(),
						input.fingerprint(), () -> MemberPayload.failed(Error.conflict()),
						(tx, key) -> members(tx.db(), List.of(key)).map(found -> new MemberPayload(found.get(0), List.of()))),
						tx -> dimensions(tx.db(), List.of(dimensionKey.get())).flatMap(found -> found.isEmpty()
								? Mono.just(Outcome.rejected(MemberPayload.failed(unknownDimension(input))))
								: insertMember(tx, viewer, input, found.get(0), sourceAddress)))
					.onErrorResume(DuplicateKeyException.class, ex -> Mono.just(duplicateMember(input))));
	}

	private static Mono<Outcome<MemberPayload>> insertMember(TenantTransaction tx, Viewer viewer, CreateMemberInput input,
			Dimension dimension, @Nullable String sourceAddress) {
		return tx.db().sql("INSERT INTO ledger_dimension_member (tenant_id, id, dimension_id, code, name) "
				+ "VALUES (:tenant, :id, :dimension, :code, :name) ON CONFLICT (dimension_id, code) DO NOTHING RETURNING " + MEMBER_COLUMNS)
			.bind("tenant", tx.tenant())
			.bind("id", UUID.randomUUID())
			.bind("dimension", dimension.key())
			.bind("code", input.code())
			.bind("name", input.name().strip())
			.map(DimensionService::toMember)
			.one()
			.map(member -> Outcome.committed(new MemberPayload(member, List.of()), member.key(),
					new AuditEntry(viewer.subject(), "ledger.dimension_member.created", DimensionMember.TYPE_NAME, member.id(),
							sourceAddress, null,
							Map.of("id", member.id(), "dimension", dimension.code(), "code", member.code(), "name", member.name()))))
			.defaultIfEmpty(Outcome.rejected(duplicateMember(input)));
	}

	Mono<Connection<Dimension>> list(Viewer viewer, PageRequest page) {
		return database.inTransaction(viewer.tenant(), db -> {
			var select = db.sql("SELECT " + DIMENSION_COLUMNS + " FROM ledger_dimension" + keysetWhere(page, "WHERE") + " ORDER BY code "
					+ order(page) + " LIMIT :limit")
				.bind("limit", page.size() + 1);
			if (page.cursorKey() != null) {
				select = select.bind("cursor", page.cursorKey());
			}
			Mono<List<Dimension>> rows = select.map(DimensionService::toDimension).all().collectList();
			Mono<Long> total = db.sql("SELECT count(*) AS total FROM ledger_dimension").map(row -> row.get("total", Long.class)).one();
			return rows.zipWith(total, (found, count) -> Connection.fromKeyset(page, found, Dimension::code, count.intValue()));
		});
	}

	/** One page of a dimension's members, ordered by code. */
	Mono<Connection<DimensionMember>> members(Viewer viewer, UUID dimensionKey, PageRequest page) {
		return database.inTransaction(viewer.tenant(), db -> {
			var select = db.sql("SELECT " + MEMBER_COLUMNS + " FROM ledger_dimension_member WHERE dimension_id = :dimension"
					+ keysetWhere(page, "AND") + " ORDER BY code " + order(page) + " LIMIT :limit")
				.bind("dimension", dimensionKey)
				.bind("limit", page.size() + 1);
			if (page.cursorKey() != null) {
				select = select.bind("cursor", page.cursorKey());
			}
			Mono<List<DimensionMember>> rows = select.map(DimensionService::toMember).all().collectList();
			Mono<Long> total = db.sql("SELECT count(*) AS total FROM ledger_dimension_member WHERE dimension_id = :dimension")
				.bind("dimension", dimensionKey)
				.map(row -> row.get("total", Long.class))
				.one();
			return rows.zipWith(total, (found, count) -> Connection.fromKeyset(page, found, DimensionMember::code, count.intValue()));
		});
	}

	Mono<Map<UUID, Dimension>> loadDimensions(Viewer viewer, Collection<UUID> keys) {
		return database.inTransaction(viewer.tenant(), db -> dimensions(db, keys)
			.map(found -> found.stream().collect(Collectors.toMap(Dimension::key, Function.identity()))));
	}

	Mono<Map<UUID, DimensionMember>> loadMembers(Viewer viewer, Collection<UUID> keys) {
		return database.inTransaction(viewer.tenant(), db -> members(db, keys)
			.map(found -> found.stream().collect(Collectors.toMap(DimensionMember::key, Function.identity()))));
	}

	private static Mono<List<Dimension>> dimensions(DatabaseClient db, Collection<UUID> keys) {
		return db.sql("SELECT " + DIMENSION_COLUMNS + " FROM ledger_dimension WHERE id = ANY(:keys)")
			.bind("keys", keys.toArray(UUID[]::new))
			.map(DimensionService::toDimension)
			.all()
			.collectList();
	}

	private static Mono<List<DimensionMember>> members(DatabaseClient db, Collection<UUID> keys) {
		return db.sql("SELECT " + MEMBER_COLUMNS + " FROM ledger_dimension_member WHERE id = ANY(:keys)")
			.bind("keys", keys.toArray(UUID[]::new))
			.map(DimensionService::toMember)
			.all()
			.collectList();
	}

	private static String keysetWhere(PageRequest page, String keyword) {
		return page.cursorKey() == null ? "" : " " + keyword + " code " + (page.forward() ? ">" : "<") + " :cursor";
	}

	private static String order(PageRequest page) {
		return page.forward() ? "ASC" : "DESC";
	}

	private static DimensionPayload duplicateDimension(CreateDimensionInput input) {
		return DimensionPayload.failed(new Error(ErrorCode.DUPLICATE_DIMENSION_CODE,
				"A dimension with code " + input.code() + " already exists", List.of("input", "code")));
	}

	private static MemberPayload duplicateMember(CreateMemberInput input) {
		return MemberPayload.failed(new Error(ErrorCode.DUPLICATE_MEMBER_CODE,
				"The dimension already has a member with code " + input.code(), List.of("input", "code")));
	}

	private static Error unknownDimension(CreateMemberInput input) {
		return new Error(ErrorCode.UNKNOWN_DIMENSION, "No dimension with id " + input.dimensionId(), List.of("input", "dimensionId"));
	}

	private static Dimension toDimension(Readable row) {
		return new Dimension(row.get("id", UUID.class), row.get("code", String.class), row.get("name", String.class),
				row.get("created_at", OffsetDateTime.class).toInstant());
	}

	private static DimensionMember toMember(Readable row) {
		return new DimensionMember(row.get("id", UUID.class), row.get("dimension_id", UUID.class), row.get("code", String.class),
				row.get("name", String.class), row.get("created_at", OffsetDateTime.class).toInstant());
	}

}
