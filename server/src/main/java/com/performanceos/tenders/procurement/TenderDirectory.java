package com.performanceos.tenders.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.Money;

/**
 * The other tenders packages' way to tenders and lots (bids, evaluation, open data), inside their own
 * tenant transaction: what they need of a lot, its criteria, and the lot transitions they cause.
 */
@Component
public final class TenderDirectory {

	private final TenderStore store;

	TenderDirectory(TenderStore store) {
		this.store = store;
	}

	/**
	 * What bidding and evaluation need of a lot.
	 *
	 * @param lotKey the lot
	 * @param tenderKey its tender
	 * @param buyerTenant the buyer's tenant
	 * @param ownedByCaller whether the transaction's tenant is the buyer
	 * @param deadline the submission deadline
	 * @param bidPublicKey the public half of the tender's bid key, null while a draft
	 * @param status as shown (closed past the deadline)
	 * @param procedure the tender's procedure
	 * @param estimatedValue the lot's estimate excluding VAT
	 * @param priceScoringMethod how prices are scored
	 * @param abnormallyLowPercent the abnormally-low threshold in percent
	 */
	public record LotFacts(UUID lotKey, UUID tenderKey, String buyerTenant, boolean ownedByCaller, Instant deadline,
			@Nullable String bidPublicKey, LotStatus status, TenderProcedure procedure, Money estimatedValue,
			PriceScoringMethod priceScoringMethod, int abnormallyLowPercent) {
	}

	/** The lot if the transaction's tenant may see it (its own, or published). */
	public Mono<LotFacts> lot(DatabaseClient db, UUID lotKey) {
		return db.sql("SELECT l.id, l.tender_id, t.tenant_id, t.tenant_id = current_tenant() AS own, t.submission_deadline, "
				+ "t.bid_public_key, l.status, clock_timestamp() >= t.submission_deadline AS past_deadline, t.procedure, l.estimated_value, "
				+ "l.price_method, l.abnormally_low_percent FROM tenders_lot l JOIN tenders_tender t ON t.id = l.tender_id WHERE l.id = :id")
			.bind("id", lotKey)
			.map(row -> new LotFacts(row.get("id", UUID.class), row.get("tender_id", UUID.class), row.get("tenant_id", String.class),
					Boolean.TRUE.equals(row.get("own", Boolean.class)), row.get("submission_deadline", OffsetDateTime.class).toInstant(),
					row.get("bid_public_key", String.class),
					LotStatus.shown(row.get("status", String.class), Boolean.TRUE.equals(row.get("past_deadline", Boolean.class))),
					TenderProcedure.valueOf(row.get("procedure", String.class)), TenderStore.euros(row.get("estimated_value", BigDecimal.class)),
					PriceScoringMethod.valueOf(row.get("price_method", String.class)), row.get("abnormally_low_percent", Integer.class)))
			.one();
	}

	/** Moves a lot of the transaction's own tenant from one stored status to another; false when it was not in {@code from}. */
	public Mono<Boolean> move(DatabaseClient db, UUID lotKey, LotStatus from, LotStatus to) {
		if (from == LotStatus.CLOSED || to == LotStatus.CLOSED) {
			throw new IllegalArgumentException("CLOSED is derived from the deadline, never stored");
		}
		return db.sql("UPDATE tenders_lot SET status = :to WHERE id = :id AND status = :from AND tenant_id = current_tenant()")
			.bind("to", to.name())
			.bind("from", from.name())
			.bind("id", lotKey)
			.fetch()
			.rowsUpdated()
			.map(updated -> updated == 1);
	}

	/** The lots with these keys that the transaction's tenant may see. */
	public Mono<List<Lot>> lots(DatabaseClient db, Collection<UUID> lotKeys) {
		return store.lots(db, lotKeys);
	}

	/** The tenders with these keys that the transaction's tenant may see. */
	public Mono<List<Tender>> tenders(DatabaseClient db, Collection<UUID> tenderKeys) {
		return store.tenders(db, tenderKeys);
	}

	/** The buyer's tenant of a tender the transaction's tenant may see (its own, or published). */
	public Mono<String> buyerTenant(DatabaseClient db, UUID tenderKey) {
		return db.sql("SELECT tenant_id FROM tenders_tender WHERE id = :id").bind("id", tenderKey).map(row -> row.get("tenant_id", String.class))
			.one();
	}

	/** The lots of tenders the transaction's tenant may see, by tender, in number order. */
	public Mono<Map<UUID, List<Lot>>> lotsOf(DatabaseClient db, Collection<UUID> tenderKeys) {
		return store.lotsOf(db, tenderKeys);
	}

	/** The award criteria of lots, by lot, in position order. */
	public Mono<Map<UUID, List<AwardCriterion>>> criteria(DatabaseClient db, Collection<UUID> lotKeys) {
		return store.criteriaOf(db, lotKeys);
	}

}
