package com.performanceos.scenarios.sharing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.security.Role;
import com.performanceos.platform.tenancy.TenantTransaction;

/** The share links' SQL; every method runs in a tenant transaction, so another tenant's token finds nothing. */
@Component
class ShareLinkStore {

	private static final String COLUMNS = "id, version_id, role, expires_at, revoked_at, revoked_by, created_by, created_at";

	Mono<ShareLink> insert(TenantTransaction tx, UUID versionKey, String tokenHash, Role role, Instant expiresAt, String actor) {
		return tx.db().sql("INSERT INTO scenarios_share_link (tenant_id, id, version_id, token_hash, role, expires_at, created_by) "
				+ "VALUES (:tenant, :id, :version, :hash, :role, :expires, :actor) RETURNING " + COLUMNS)
			.bind("tenant", tx.tenant())
			.bind("id", UUID.randomUUID())
			.bind("version", versionKey)
			.bind("hash", tokenHash)
			.bind("role", role.name())
			.bind("expires", expiresAt.atOffset(ZoneOffset.UTC))
			.bind("actor", actor)
			.map(ShareLinkStore::toLink)
			.one();
	}

	Mono<Optional<ShareLink>> byTokenHash(TenantTransaction tx, String tokenHash) {
		return tx.db().sql("SELECT " + COLUMNS + " FROM scenarios_share_link WHERE token_hash = :hash")
			.bind("hash", tokenHash)
			.map(ShareLinkStore::toLink)
			.one()
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty());
	}

	Mono<Optional<ShareLink>> find(TenantTransaction tx, UUID key) {
		return tx.db().sql("SELECT " + COLUMNS + " FROM scenarios_share_link WHERE id = :id FOR UPDATE")
			.bind("id", key)
			.map(ShareLinkStore::toLink)
			.one()
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty());
	}

	Mono<ShareLink> revoke(TenantTransaction tx, UUID key, String actor) {
		return tx.db().sql("UPDATE scenarios_share_link SET revoked_at = clock_timestamp(), revoked_by = :actor WHERE id = :id RETURNING " + COLUMNS)
			.bind("id", key)
			.bind("actor", actor)
			.map(ShareLinkStore::toLink)
			.one();
	}

	Mono<List<ShareLink>> ofVersion(TenantTransaction tx, UUID versionKey, int limit) {
		return tx.db().sql("SELECT " + COLUMNS + " FROM scenarios_share_link WHERE version_id = :version ORDER BY created_at, id LIMIT :limit")
			.bind("version", versionKey)
			.bind("limit", limit)
			.map(ShareLinkStore::toLink)
			.all()
			.collectList();
	}

	private static ShareLink toLink(Readable row) {
		OffsetDateTime revoked = row.get("revoked_at", OffsetDateTime.class);
		return new ShareLink(row.get("id", UUID.class), row.get("version_id", UUID.class), Role.valueOf(row.get("role", String.class)),
				row.get("expires_at", OffsetDateTime.class).toInstant(), revoked == null ? null : revoked.toInstant(),
				row.get("revoked_by", String.class), row.get("created_by", String.class), row.get("created_at", OffsetDateTime.class).toInstant());
	}

}
