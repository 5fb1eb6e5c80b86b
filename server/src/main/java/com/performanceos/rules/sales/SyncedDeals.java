package com.performanceos.rules.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.imports.DealStage;
import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * The sales module's write port for deals a CRM connector keeps in step ({@code rules.sales.crm}). A synchronised deal is
 * keyed by its provider and record id: storing the same record again updates the deal in place, so a repeated or
 * overlapping sync never adds a second row. Its deal id is the record id, like an imported deal's is the CRM export's id.
 */
@Component
public final class SyncedDeals {

	/** The most deals one call stores: one statement's worth of arrays. */
	public static final int BATCH_MAX = 10_000;

	SyncedDeals() {
	}

	/**
	 * A provider's record mapped to a deal, complete (a record that cannot be mapped whole is skipped before this point).
	 *
	 * @param provider the connector, {@code SALESFORCE} or {@code HUBSPOT}
	 * @param recordId the provider's record id, which becomes the deal id
	 * @param modifiedAt the record's last-modified time at the provider
	 * @param position its position among the records of the sync that brings it (1-based)
	 * @param rep the rep who owns it
	 * @param product what was sold
	 * @param region the sales region
	 * @param amount its amount, not negative
	 * @param arr its annual recurring revenue, not negative
	 * @param stage its stage ({@code CANCELLED} for a cancelled deal)
	 * @param closeDate the day it closed or is expected to
	 * @param currency the currency of both amounts
	 */
	public record SyncedDeal(String provider, String recordId, Instant modifiedAt, int position, String rep, String product, String region,
			BigDecimal amount, BigDecimal arr, DealStage stage, LocalDate closeDate, Currency currency) {

		public SyncedDeal {
			Objects.requireNonNull(recordId, "recordId");
			if (amount.signum() < 0 || arr.signum() < 0) {
				throw new IllegalArgumentException("A deal's amounts are not negative: " + recordId);
			}
			if (position < 1) {
				throw new IllegalArgumentException("Positions start at 1");
			}
		}

	}

	/**
	 * What one call did.
	 *
	 * @param inserted deals the tenant did not hold
	 * @param updated deals whose content changed
	 * @param unchanged deals stored before with the same content
	 */
	public record Stored(int inserted, int updated, int unchanged) {
	}

	/**
	 * Which of these record ids the tenant already holds as the deal id of a deal from another source (a CSV import or
	 * another provider): storing them would make two deals of one id, so the connector skips them.
	 */
	public Mono<Set<String>> heldByAnotherSource(TenantTransaction tx, String provider, Collection<String> recordIds) {
		if (recordIds.isEmpty()) {
			return Mono.just(Set.of());
		}
		return tx.db().sql("SELECT deal_ref FROM sales_deal WHERE deal_ref = ANY(:refs) AND crm_provider IS DISTINCT FROM :provider")
			.bind("refs", recordIds.toArray(String[]::new))
			.bind("provider", provider)
			.map(row -> row.get("deal_ref", String.class))
			.all()
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * Inserts or updates the deals of one sync in one statement; a deal whose stored content already equals the record's
	 * is left alone (its lineage still names the sync that last changed it).
	 */
	public Mono<Stored> upsert(TenantTransaction tx, UUID syncKey, List<SyncedDeal> deals) {
		if (deals.size() > BATCH_MAX) {
			throw new IllegalArgumentException("At most " + BATCH_MAX + " deals per call, not " + deals.size());
		}
		if (deals.isEmpty()) {
			return Mono.just(new Stored(0, 0, 0));
		}
		// xmax is 0 on a row this statement inserted and set on one it updated: the one way to tell them apart in RETURNING.
		return tx.db().sql("""
				INSERT INTO sales_deal AS d (tenant_id, id, deal_ref, rep, product, region, amount, arr, stage, close_date, currency,
				                             import_id, source_row, crm_provider, crm_record_id, crm_sync_id, crm_modified_at)
				SELECT :tenant, gen_random_uuid(), record_id, rep, product, region, amount, arr, stage, close_date, currency,
				       NULL, position, provider, record_id, :sync, modified_at
				FROM unnest(CAST(:providers AS text[]), CAST(:records AS text[]), CAST(:modified AS timestamptz[]),
				            CAST(:positions AS int[]), CAST(:reps AS text[]), CAST(:products AS text[]), CAST(:regions AS text[]),
				            CAST(:amounts AS numeric[]), CAST(:arrs AS numeric[]), CAST(:stages AS text[]), CAST(:dates AS date[]),
				            CAST(:currencies AS text[]))
				     AS s(provider, record_id, modified_at, position, rep, product, region, amount, arr, stage, close_date, currency)
				ON CONFLICT (tenant_id, crm_provider, crm_record_id) WHERE crm_provider IS NOT NULL DO UPDATE
				SET rep = EXCLUDED.rep, product = EXCLUDED.product, region = EXCLUDED.region, amount = EXCLUDED.amount,
				    arr = EXCLUDED.arr, stage = EXCLUDED.stage, close_date = EXCLUDED.close_date, currency = EXCLUDED.currency,
				    source_row = EXCLUDED.source_row, crm_sync_id = EXCLUDED.crm_sync_id, crm_modified_at = EXCLUDED.crm_modified_at
				WHERE (d.rep, d.product, d.region, d.amount, d.arr, d.stage, d.close_date, d.currency)
				      IS DISTINCT FROM (EXCLUDED.rep, EXCLUDED.product, EXCLUDED.region, EXCLUDED.amount, EXCLUDED.arr, EXCLUDED.stage,
				                        EXCLUDED.close_date, EXCLUDED.currency)
				RETURNING (xmax = 0) AS inserted""")
			.bind("tenant", tx.tenant())
			.bind("sync", syncKey)
			.bind("providers", deals.stream().map(SyncedDeal::provider).toArray(String[]::new))
			.bind("records", deals.stream().map(SyncedDeal::recordId).toArray(String[]::new))
			.bind("modified", deals.stream().map(deal -> deal.modifiedAt().atOffset(java.time.ZoneOffset.UTC)).toArray(java.time.OffsetDateTime[]::new))
			.bind("positions", deals.stream().map(SyncedDeal::position).toArray(Integer[]::new))
			.bind("reps", deals.stream().map(SyncedDeal::rep).toArray(String[]::new))
			.bind("products", deals.stream().map(SyncedDeal::product).toArray(String[]::new))
			.bind("regions", deals.stream().map(SyncedDeal::region).toArray(String[]::new))
			.bind("amounts", deals.stream().map(deal -> deal.amount().toPlainString()).toArray(String[]::new))
			.bind("arrs", deals.stream().map(deal -> deal.arr().toPlainString()).toArray(String[]::new))
			.bind("stages", deals.stream().map(deal -> deal.stage().name()).toArray(String[]::new))
			.bind("dates", deals.stream().map(SyncedDeal::closeDate).toArray(LocalDate[]::new))
			.bind("currencies", deals.stream().map(deal -> deal.currency().getCurrencyCode()).toArray(String[]::new))
			.map(row -> Boolean.TRUE.equals(row.get("inserted", Boolean.class)))
			.all()
			.collectList()
			.map(written -> {
				int inserted = (int) written.stream().filter(Boolean::booleanValue).count();
				int updated = written.size() - inserted;
				return new Stored(inserted, updated, deals.size() - written.size());
			});
	}

}
