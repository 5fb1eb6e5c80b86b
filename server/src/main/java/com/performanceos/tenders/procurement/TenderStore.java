package com.performanceos.tenders.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.Money;
import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.tenders.organisations.Organisation;
import com.performanceos.tenders.organisations.OrganisationKind;

/** The SQL of tenders, lots and criteria; every statement runs in the caller's tenant transaction. */
@Component
class TenderStore {

	static final java.util.Currency EURO = java.util.Currency.getInstance("EUR");

	private static final String TENDER_COLUMNS = "id, reference, title, description, nature, procedure, cpv_codes, estimated_value, "
			+ "department, electronic_submission, urgency, prior_information_notice, submission_deadline, buyer_siret, buyer_name, "
			+ "buyer_kind, created_by, published_at";

	private static final String LOT_SELECT = "SELECT l.id, l.tender_id, l.number, l.title, l.estimated_value, l.price_method, "
			+ "l.abnormally_low_percent, l.selection_criteria, l.status, clock_timestamp() >= t.submission_deadline AS past_deadline "
			+ "FROM tenders_lot l JOIN tenders_tender t ON t.id = l.tender_id ";

	private final CpvCatalog catalog;

	TenderStore(CpvCatalog catalog) {
		this.catalog = catalog;
	}

	Mono<Boolean> referenceTaken(DatabaseClient db, String reference) {
		return db.sql("SELECT 1 FROM tenders_tender WHERE tenant_id = current_tenant() AND reference = :reference")
			.bind("reference", reference)
			.map(row -> true)
			.first()
			.defaultIfEmpty(false);
	}

	Mono<Tender> insert(TenantTransaction tx, String author, CreateTender.Input input, Organisation buyer) {
		UUID tenderKey = UUID.randomUUID();
		Mono<Void> tender = tx.db().sql("INSERT INTO tenders_tender (tenant_id, id, reference, title, description, nature, procedure, "
				+ "cpv_codes, estimated_value, department, electronic_submission, urgency, prior_information_notice, submission_deadline, "
				+ "buyer_siret, buyer_name, buyer_kind, created_by) VALUES (:tenant, :id, :reference, :title, :description, :nature, "
				+ ":procedure, :cpv, :value, :department, :electronic, :urgency, :pin, :deadline, :siret, :buyer, :kind, :author)")
			.bind("tenant", tx.tenant())
			.bind("id", tenderKey)
			.bind("reference", input.reference())
			.bind("title", input.title().strip())
			.bind("description", input.description().strip())
			.bind("nature", input.nature().name())
			.bind("procedure", input.procedure().name())
			.bind("cpv", input.cpvCodes().toArray(String[]::new))
			.bind("value", input.estimatedValue())
			.bind("department", input.department())
			.bind("electronic", input.electronicSubmission())
			.bind("urgency", Boolean.TRUE.equals(input.urgency()))
			.bind("pin", Boolean.TRUE.equals(input.priorInformationNotice()))
			.bind("deadline", input.submissionDeadline())
			.bind("siret", buyer.siret().value())
			.bind("buyer", buyer.name())
			.bind("kind", buyer.kind().name())
			.bind("author", author)
			.then();
		return tender.thenMany(Flux.range(0, input.lots().size()).concatMap(index -> insertLot(tx, tenderKey, index + 1, input.lots().get(index))))
			.then(Mono.defer(() -> tenders(tx.db(), List.of(tenderKey)).map(found -> found.getFirst())));
	}

	private Mono<Void> insertLot(TenantTransaction tx, UUID tenderKey, int number, CreateTender.LotInput lot) {
		UUID lotKey = UUID.randomUUID();
		Mono<Void> row = tx.db().sql("INSERT INTO tenders_lot (tenant_id, id, tender_id, number, title, estimated_value, price_method, "
				+ "abnormally_low_percent, selection_criteria, status) VALUES (:tenant, :id, :tender, :number, :title, :value, :method, "
				+ ":percent, :selection, 'DRAFT')")
			.bind("tenant", tx.tenant())
			.bind("id", lotKey)
			.bind("tender", tenderKey)
			.bind("number", number)
			.bind("title", lot.title().strip())
			.bind("value", lot.estimatedValue())
			.bind("method", lot.priceScoringMethod().name())
			.bind("percent", lot.abnormallyLowPercentOrDefault())
			.bind("selection", lot.selectionCriteriaOrNone().toArray(String[]::new))
			.then();
		return row.thenMany(Flux.range(0, lot.awardCriteria().size()).concatMap(index -> {
			CreateTender.CriterionInput criterion = lot.awardCriteria().get(index);
			return tx.db().sql("INSERT INTO tenders_criterion (tenant_id, lot_id, position, name, kind, weight) "
					+ "VALUES (:tenant, :lot, :position, :name, :kind, :weight)")
				.bind("tenant", tx.tenant())
				.bind("lot", lotKey)
				.bind("position", index + 1)
				.bind("name", criterion.name().strip())
				.bind("kind", criterion.kind().name())
				.bind("weight", criterion.weight())
				.then();
		})).then();
	}

	/** Marks a draft of the tenant published, with its lots; false when it was not a draft of the tenant. */
	Mono<Boolean> markPublished(DatabaseClient db, UUID tenderKey, String publisher, String publicKey) {
		return db.sql("UPDATE tenders_tender SET published_by = :publisher, published_at = clock_timestamp(), bid_public_key = :key "
				+ "WHERE id = :id AND tenant_id = current_tenant() AND published_at IS NULL")
			.bind("publisher", publisher)
			.bind("key", publicKey)
			.bind("id", tenderKey)
			.fetch()
			.rowsUpdated()
			.flatMap(updated -> updated == 0 ? Mono.just(false)
					: db.sql("UPDATE tenders_lot SET status = 'PUBLISHED' WHERE tender_id = :id AND status = 'DRAFT'")
						.bind("id", tenderKey)
						.then()
						.thenReturn(true));
	}

	/** A tender of the transaction's own tenant (not another buyer's published one), locked for a change. */
	Mono<Tender> ownForUpdate(DatabaseClient db, UUID key) {
		return db.sql("SELECT " + TENDER_COLUMNS + " FROM tenders_tender WHERE id = :id AND tenant_id = current_tenant() FOR UPDATE")
			.bind("id", key)
			.map(this::toTender)
			.one();
	}

	Mono<List<Tender>> tenders(DatabaseClient db, Collection<UUID> keys) {
		return db.sql("SELECT " + TENDER_COLUMNS + " FROM tenders_tender WHERE id = ANY(:keys)")
			.bind("keys", keys.toArray(UUID[]::new))
			.map(this::toTender)
			.all()
			.collectList();
	}

	/** A page of tenders in identifier order: the tenant's own, or every published one. */
	Mono<List<Tender>> page(DatabaseClient db, boolean published, boolean forward, @org.jspecify.annotations.Nullable String after,
			int limit) {
		String where = published ? "published_at IS NOT NULL" : "tenant_id = current_tenant()";
		String cursor = after == null ? "" : " AND id::text " + (forward ? ">" : "<") + " :cursor";
		var select = db.sql("SELECT " + TENDER_COLUMNS + " FROM tenders_tender WHERE " + where + cursor + " ORDER BY id::text "
				+ (forward ? "ASC" : "DESC") + " LIMIT :limit")
			.bind("limit", limit);
		if (after != null) {
			select = select.bind("cursor", after);
		}
		return select.map(this::toTender).all().collectList();
	}

	Mono<Long> count(DatabaseClient db, boolean published) {
		return db.sql("SELECT count(*) AS total FROM tenders_tender WHERE " + (published ? "published_at IS NOT NULL" : "tenant_id = current_tenant()"))
			.map(row -> row.get("total", Long.class))
			.one();
	}

	Mono<Map<UUID, List<Lot>>> lotsOf(DatabaseClient db, Collection<UUID> tenderKeys) {
		return db.sql(LOT_SELECT + "WHERE l.tender_id = ANY(:keys) ORDER BY l.tender_id, l.number")
			.bind("keys", tenderKeys.toArray(UUID[]::new))
			.map(TenderStore::toLot)
			.all()
			.collect(LinkedHashMap<UUID, List<Lot>>::new, (map, lot) -> map.computeIfAbsent(lot.tenderKey(), key -> new ArrayList<>()).add(lot))
			.map(map -> (Map<UUID, List<Lot>>) map);
	}

	Mono<List<Lot>> lots(DatabaseClient db, Collection<UUID> lotKeys) {
		return db.sql(LOT_SELECT + "WHERE l.id = ANY(:keys)")
			.bind("keys", lotKeys.toArray(UUID[]::new))
			.map(TenderStore::toLot)
			.all()
			.collectList();
	}

	Mono<Map<UUID, List<AwardCriterion>>> criteriaOf(DatabaseClient db, Collection<UUID> lotKeys) {
		return db.sql("SELECT lot_id, position, name, kind, weight FROM tenders_criterion WHERE lot_id = ANY(:keys) ORDER BY lot_id, position")
			.bind("keys", lotKeys.toArray(UUID[]::new))
			.map(row -> Map.entry(row.get("lot_id", UUID.class), new AwardCriterion(row.get("position", Integer.class),
					row.get("name", String.class), CriterionKind.valueOf(row.get("kind", String.class)), row.get("weight", Integer.class))))
			.all()
			.collect(LinkedHashMap<UUID, List<AwardCriterion>>::new,
					(map, entry) -> map.computeIfAbsent(entry.getKey(), key -> new ArrayList<>()).add(entry.getValue()))
			.map(map -> (Map<UUID, List<AwardCriterion>>) map);
	}

	private Tender toTender(Readable row) {
		List<CpvCode> codes = Arrays.stream(row.get("cpv_codes", String[].class))
			.map(code -> catalog.find(code).orElseThrow(() -> new IllegalStateException("A stored CPV code is not in the catalogue: " + code)))
			.toList();
		OffsetDateTime published = row.get("published_at", OffsetDateTime.class);
		return new Tender(row.get("id", UUID.class), row.get("reference", String.class), row.get("title", String.class),
				row.get("description", String.class), TenderNature.valueOf(row.get("nature", String.class)),
				TenderProcedure.valueOf(row.get("procedure", String.class)), codes, euros(row.get("estimated_value", BigDecimal.class)),
				row.get("department", String.class), Boolean.TRUE.equals(row.get("electronic_submission", Boolean.class)),
				Boolean.TRUE.equals(row.get("urgency", Boolean.class)), Boolean.TRUE.equals(row.get("prior_information_notice", Boolean.class)),
				instant(row.get("submission_deadline", OffsetDateTime.class)), row.get("buyer_siret", String.class),
				row.get("buyer_name", String.class), OrganisationKind.valueOf(row.get("buyer_kind", String.class)),
				row.get("created_by", String.class), published == null ? null : published.toInstant());
	}

	private static Lot toLot(Readable row) {
		return new Lot(row.get("id", UUID.class), row.get("tender_id", UUID.class), row.get("number", Integer.class),
				row.get("title", String.class), euros(row.get("estimated_value", BigDecimal.class)),
				LotStatus.shown(row.get("status", String.class), Boolean.TRUE.equals(row.get("past_deadline", Boolean.class))),
				PriceScoringMethod.valueOf(row.get("price_method", String.class)), row.get("abnormally_low_percent", Integer.class),
				List.of(row.get("selection_criteria", String[].class)));
	}

	static Money euros(BigDecimal amount) {
		return new Money(amount, EURO);
	}

	private static Instant instant(OffsetDateTime value) {
		return value.withOffsetSameInstant(ZoneOffset.UTC).toInstant();
	}

}
