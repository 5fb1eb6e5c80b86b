package com.performanceos.rules.sales.crm;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;

/** The only code that names {@code sales_crm_connection}. Credentials go in and come out encrypted: this class never sees them. */
@Component
class CrmConnectionStore {

	private static final String COLUMNS = "provider, credentials, settings, watermark, configured_by, configured_at";

	/**
	 * A connection as stored.
	 *
	 * @param credentials the encrypted secrets
	 * @param settings the settings as JSON
	 * @param watermark the newest last-modified time a committed sync stored; null before the first
	 */
	record Stored(CrmProvider provider, String credentials, String settings, @Nullable Instant watermark, String configuredBy,
			Instant configuredAt) {

		@Override
		public String toString() {
			return "Stored[provider=" + provider + ", credentials=***, watermark=" + watermark + "]";
		}

	}

	/** Creates or replaces the tenant's connection to the provider; its watermark stays unless {@code resetWatermark}. */
	Mono<Stored> save(TenantTransaction tx, CrmProvider provider, String credentials, String settings, String configuredBy,
			boolean resetWatermark) {
		return tx.db().sql("""
				INSERT INTO sales_crm_connection (tenant_id, provider, credentials, settings, configured_by)
				VALUES (:tenant, :provider, :credentials, :settings, :by)
				ON CONFLICT (tenant_id, provider) DO UPDATE
				SET credentials = EXCLUDED.credentials, settings = EXCLUDED.settings, configured_by = EXCLUDED.configured_by,
				    configured_at = clock_timestamp(),
				    watermark = CASE WHEN :reset THEN NULL ELSE sales_crm_connection.watermark END
				RETURNING\s""" + COLUMNS)
			.bind("tenant", tx.tenant()).bind("provider", provider.name()).bind("credentials", credentials).bind("settings", settings)
			.bind("by", configuredBy).bind("reset", resetWatermark)
			.map(CrmConnectionStore::toStored).one();
	}

	Mono<Stored> find(TenantTransaction tx, CrmProvider provider) {
		return tx.db().sql("SELECT " + COLUMNS + " FROM sales_crm_connection WHERE provider = :provider")
			.bind("provider", provider.name()).map(CrmConnectionStore::toStored).one();
	}

	/**
	 * The connection, locked until the transaction ends: a sync commits its deals and moves the watermark under this lock,
	 * so two commits for one provider never interleave.
	 */
	Mono<Stored> lock(TenantTransaction tx, CrmProvider provider) {
		return tx.db().sql("SELECT " + COLUMNS + " FROM sales_crm_connection WHERE provider = :provider FOR UPDATE")
			.bind("provider", provider.name()).map(CrmConnectionStore::toStored).one();
	}

	Mono<List<Stored>> all(TenantTransaction tx) {
		return tx.db().sql("SELECT " + COLUMNS + " FROM sales_crm_connection ORDER BY provider")
			.map(CrmConnectionStore::toStored).all().collectList();
	}

	/** Moves the watermark forward (never back: a late commit of an older sync leaves a newer watermark alone). */
	Mono<Long> advance(TenantTransaction tx, CrmProvider provider, Instant watermark) {
		return tx.db().sql("UPDATE sales_crm_connection SET watermark = GREATEST(watermark, :watermark) WHERE provider = :provider")
			.bind("provider", provider.name()).bind("watermark", Parameters.instant(watermark))
			.fetch().rowsUpdated();
	}

	private static Stored toStored(Readable row) {
		OffsetDateTime watermark = row.get("watermark", OffsetDateTime.class);
		return new Stored(CrmProvider.valueOf(row.get("provider", String.class)), row.get("credentials", String.class),
				row.get("settings", String.class), watermark == null ? null : watermark.toInstant(), row.get("configured_by", String.class),
				java.util.Objects.requireNonNull(row.get("configured_at", OffsetDateTime.class), "configured_at").toInstant());
	}

}
