package com.performanceos.tenders.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.tenders.bids.BidDocument;
import com.performanceos.tenders.bids.OpenedBid;

/** The SQL of offers, scores, evaluators and awards, in the buyer's tenant transaction. */
@Component
class OfferStore {

	private static final String COLUMNS = "id, lot_id, vendor_siret, vendor_name, vendor_sme, amount, documents, receipt_sha256, "
			+ "submitted_at, abnormally_low, abnormally_low_reference, abnormally_low_status, abnormally_low_reason, award_status, "
			+ "award_failure_reason";

	Mono<Void> insert(TenantTransaction tx, UUID lotKey, OpenedBid bid, @Nullable BigDecimal abnormallyLowReference) {
		var insert = tx.db().sql("INSERT INTO tenders_offer (tenant_id, id, lot_id, bid_id, vendor_siret, vendor_name, vendor_sme, amount, "
				+ "documents, receipt_sha256, submitted_at, abnormally_low, abnormally_low_reference, abnormally_low_status) VALUES "
				+ "(:tenant, :id, :lot, :bid, :siret, :name, :sme, :amount, :documents, :receipt, :at, :low, :reference, :status)")
			.bind("tenant", tx.tenant())
			.bind("id", UUID.randomUUID())
			.bind("lot", lotKey)
			.bind("bid", bid.content().bidKey())
			.bind("siret", bid.content().vendorSiret())
			.bind("name", bid.content().vendorName())
			.bind("sme", bid.content().sme())
			.bind("amount", bid.content().amount())
			.bind("documents", bid.content().documents().stream().map(document -> document.sha256() + " " + document.name()).toArray(String[]::new))
			.bind("receipt", bid.receiptSha256())
			.bind("at", bid.content().submittedAt().atOffset(ZoneOffset.UTC))
			.bind("low", abnormallyLowReference != null)
			.bind("status", (abnormallyLowReference != null ? AbnormallyLowStatus.JUSTIFICATION_REQUESTED : AbnormallyLowStatus.NONE).name());
		return (abnormallyLowReference == null ? insert.bindNull("reference", BigDecimal.class) : insert.bind("reference", abnormallyLowReference))
			.then();
	}

	Mono<Map<UUID, List<Offer>>> byLot(DatabaseClient db, Collection<UUID> lotKeys) {
		return db.sql("SELECT " + COLUMNS + " FROM tenders_offer WHERE lot_id = ANY(:lots) ORDER BY lot_id, submitted_at, id")
			.bind("lots", lotKeys.toArray(UUID[]::new))
			.map(OfferStore::toOffer)
			.all()
			.collect(LinkedHashMap<UUID, List<Offer>>::new, (map, offer) -> map.computeIfAbsent(offer.lotKey(), key -> new ArrayList<>()).add(offer))
			.map(map -> (Map<UUID, List<Offer>>) map);
	}

	Mono<Offer> forUpdate(DatabaseClient db, UUID offerKey) {
		return db.sql("SELECT " + COLUMNS + " FROM tenders_offer WHERE id = :id FOR UPDATE").bind("id", offerKey).map(OfferStore::toOffer).one();
	}

	Mono<List<Offer>> find(DatabaseClient db, Collection<UUID> offerKeys) {
		return db.sql("SELECT " + COLUMNS + " FROM tenders_offer WHERE id = ANY(:ids)")
			.bind("ids", offerKeys.toArray(UUID[]::new))
			.map(OfferStore::toOffer)
			.all()
			.collectList();
	}

	/** Technical points by offer, then criterion position, one value per evaluator. */
	Mono<Map<UUID, Map<Integer, List<BigDecimal>>>> points(DatabaseClient db, Collection<UUID> lotKeys) {
		return db.sql("SELECT s.offer_id, s.position, s.points FROM tenders_score s JOIN tenders_offer o ON o.id = s.offer_id "
				+ "WHERE o.lot_id = ANY(:lots)")
			.bind("lots", lotKeys.toArray(UUID[]::new))
			.map(row -> new Object[] {row.get("offer_id", UUID.class), row.get("position", Integer.class), row.get("points", BigDecimal.class)})
			.all()
			.collect(HashMap<UUID, Map<Integer, List<BigDecimal>>>::new, (map, row) -> map.computeIfAbsent((UUID) row[0], key -> new HashMap<>())
				.computeIfAbsent((Integer) row[1], key -> new ArrayList<>()).add((BigDecimal) row[2]))
			.map(map -> (Map<UUID, Map<Integer, List<BigDecimal>>>) map);
	}

	Mono<Boolean> declared(DatabaseClient db, UUID lotKey, String evaluator) {
		return db.sql("SELECT 1 FROM tenders_evaluator WHERE lot_id = :lot AND evaluator = :evaluator")
			.bind("lot", lotKey)
			.bind("evaluator", evaluator)
			.map(row -> true)
			.first()
			.defaultIfEmpty(false);
	}

	Mono<Void> declare(TenantTransaction tx, UUID lotKey, String evaluator) {
		return tx.db().sql("INSERT INTO tenders_evaluator (tenant_id, lot_id, evaluator) VALUES (:tenant, :lot, :evaluator) "
				+ "ON CONFLICT (lot_id, evaluator) DO NOTHING")
			.bind("tenant", tx.tenant())
			.bind("lot", lotKey)
			.bind("evaluator", evaluator)
			.then();
	}

	Mono<Void> score(TenantTransaction tx, UUID offerKey, int position, String evaluator, BigDecimal points, String justification) {
		return tx.db().sql("INSERT INTO tenders_score (tenant_id, offer_id, position, evaluator, points, justification) VALUES "
				+ "(:tenant, :offer, :position, :evaluator, :points, :justification) ON CONFLICT (offer_id, position, evaluator) DO UPDATE "
				+ "SET points = EXCLUDED.points, justification = EXCLUDED.justification, scored_at = clock_timestamp()")
			.bind("tenant", tx.tenant())
			.bind("offer", offerKey)
			.bind("position", position)
			.bind("evaluator", evaluator)
			.bind("points", points)
			.bind("justification", justification)
			.then();
	}

	Mono<Void> decideAbnormallyLow(DatabaseClient db, UUID offerKey, AbnormallyLowStatus decision, String reason, String decidedBy) {
		return db.sql("UPDATE tenders_offer SET abnormally_low_status = :status, abnormally_low_reason = :reason, "
				+ "abnormally_low_decided_by = :by WHERE id = :id")
			.bind("status", decision.name())
			.bind("reason", reason)
			.bind("by", decidedBy)
			.bind("id", offerKey)
			.then();
	}

	Mono<Void> setAwardStatus(DatabaseClient db, UUID offerKey, AwardStatus status, @Nullable String failureReason) {
		var update = db.sql("UPDATE tenders_offer SET award_status = :status, award_failure_reason = :reason WHERE id = :id")
			.bind("status", status.name())
			.bind("id", offerKey);
		return (failureReason == null ? update.bindNull("reason", String.class) : update.bind("reason", failureReason)).then();
	}

	Mono<Void> insertAward(TenantTransaction tx, UUID lotKey, LotAward award) {
		var insert = tx.db().sql("INSERT INTO tenders_award (tenant_id, lot_id, offer_id, notified_on, electronic, standstill_days, "
				+ "standstill_ends_on, standstill_source) VALUES (:tenant, :lot, :offer, :on, :electronic, :days, :ends, :source)")
			.bind("tenant", tx.tenant())
			.bind("lot", lotKey)
			.bind("offer", award.offerKey())
			.bind("on", award.notifiedOn())
			.bind("electronic", award.electronic());
		insert = award.standstillDays() == null ? insert.bindNull("days", Integer.class) : insert.bind("days", award.standstillDays());
		insert = award.standstillEndsOn() == null ? insert.bindNull("ends", LocalDate.class) : insert.bind("ends", award.standstillEndsOn());
		insert = award.standstillSource() == null ? insert.bindNull("source", String.class) : insert.bind("source", award.standstillSource());
		return insert.then();
	}

	Mono<Map<UUID, LotAward>> awards(DatabaseClient db, Collection<UUID> lotKeys) {
		return db.sql("SELECT lot_id, offer_id, notified_on, electronic, standstill_days, standstill_ends_on, standstill_source "
				+ "FROM tenders_award WHERE lot_id = ANY(:lots)")
			.bind("lots", lotKeys.toArray(UUID[]::new))
			.map(row -> Map.entry(row.get("lot_id", UUID.class), new LotAward(row.get("offer_id", UUID.class),
					row.get("notified_on", LocalDate.class), Boolean.TRUE.equals(row.get("electronic", Boolean.class)),
					row.get("standstill_days", Integer.class), row.get("standstill_ends_on", LocalDate.class),
					row.get("standstill_source", String.class))))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	private static Offer toOffer(Readable row) {
		boolean low = Boolean.TRUE.equals(row.get("abnormally_low", Boolean.class));
		List<BidDocument> documents = Arrays.stream(row.get("documents", String[].class))
			.map(text -> new BidDocument(text.substring(text.indexOf(' ') + 1), text.substring(0, text.indexOf(' '))))
			.toList();
		return new Offer(row.get("id", UUID.class), row.get("lot_id", UUID.class), row.get("vendor_siret", String.class),
				row.get("vendor_name", String.class), Boolean.TRUE.equals(row.get("vendor_sme", Boolean.class)), row.get("amount", BigDecimal.class),
				documents, row.get("receipt_sha256", String.class), row.get("submitted_at", OffsetDateTime.class).toInstant(), low,
				low ? row.get("abnormally_low_reference", BigDecimal.class) : null,
				AbnormallyLowStatus.valueOf(row.get("abnormally_low_status", String.class)), row.get("abnormally_low_reason", String.class),
				AwardStatus.valueOf(row.get("award_status", String.class)), row.get("award_failure_reason", String.class));
	}

}
