package com.performanceos.tenders.contracts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.tenders.procurement.TenderNature;
import com.performanceos.tenders.procurement.TenderProcedure;

/** The SQL of contracts, in the buyer's tenant transaction. */
@Component
class ContractStore {

	private static final String COLUMNS = "id, lot_id, tender_id, tender_reference, lot_number, lot_count, object, description, nature, "
			+ "procedure, cpv_code, department, buyer_siret, buyer_name, holder_siret, holder_name, holder_sme, amount, offers_received, "
			+ "award_notified_on, notified_on, duration_months, price_form";

	/**
	 * The contract's amendments as one JSON array in notification order, read with the contract: the export streams
	 * one query, and a contract has at most 100 amendments (the table's check).
	 */
	private static final String SELECTED = COLUMNS + ", (SELECT coalesce(json_agg(json_build_object('key', a.id, 'sequence', a.sequence, "
			+ "'notifiedOn', a.notified_on, 'publishedOn', a.published_on, 'amount', a.amount, 'durationMonths', a.duration_months, "
			+ "'holderSirets', a.holder_sirets, 'reason', a.reason) ORDER BY a.sequence), '[]') FROM tenders_contract_amendment a "
			+ "WHERE a.contract_id = tenders_contract.id) AS amendments";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	Mono<Contract> insert(TenantTransaction tx, Contract contract, String signedBy) {
		return tx.db().sql("INSERT INTO tenders_contract (tenant_id, " + COLUMNS + ", signed_by) VALUES (:tenant, :id, :lot, :tender, "
				+ ":reference, :number, :count, :object, :description, :nature, :procedure, :cpv, :department, :buyerSiret, :buyerName, "
				+ ":holderSiret, :holderName, :holderSme, :amount, :offers, :awardNotifiedOn, :notifiedOn, :duration, :priceForm, :signedBy)")
			.bind("tenant", tx.tenant())
			.bind("id", contract.key())
			.bind("lot", contract.lotKey())
			.bind("tender", contract.tenderKey())
			.bind("reference", contract.tenderReference())
			.bind("number", contract.lotNumber())
			.bind("count", contract.lotCount())
			.bind("object", contract.object())
			.bind("description", contract.description())
			.bind("nature", contract.nature().name())
			.bind("procedure", contract.procedure().name())
			.bind("cpv", contract.cpvCode())
			.bind("department", contract.department())
			.bind("buyerSiret", contract.buyerSiret())
			.bind("buyerName", contract.buyerName())
			.bind("holderSiret", contract.holderSiret())
			.bind("holderName", contract.holderName())
			.bind("holderSme", contract.holderSme())
			.bind("amount", contract.amount())
			.bind("offers", contract.offersReceived())
			.bind("awardNotifiedOn", contract.awardNotifiedOn())
			.bind("notifiedOn", contract.notifiedOn())
			.bind("duration", contract.durationMonths())
			.bind("priceForm", contract.priceForm().name())
			.bind("signedBy", signedBy)
			.then()
			.thenReturn(contract);
	}

	Mono<List<Contract>> find(DatabaseClient db, Collection<UUID> keys) {
		return db.sql("SELECT " + SELECTED + " FROM tenders_contract WHERE id = ANY(:keys)")
			.bind("keys", keys.toArray(UUID[]::new))
			.map(ContractStore::toContract)
			.all()
			.collectList();
	}

	Mono<Contract> byAmendment(DatabaseClient db, UUID amendmentKey) {
		return db.sql("SELECT " + SELECTED + " FROM tenders_contract WHERE id = (SELECT contract_id FROM tenders_contract_amendment WHERE id = :key)")
			.bind("key", amendmentKey)
			.map(ContractStore::toContract)
			.one();
	}

	Mono<List<Contract>> byLots(DatabaseClient db, Collection<UUID> lotKeys) {
		return db.sql("SELECT " + SELECTED + " FROM tenders_contract WHERE lot_id = ANY(:keys)")
			.bind("keys", lotKeys.toArray(UUID[]::new))
			.map(ContractStore::toContract)
			.all()
			.collectList();
	}

	Mono<Long> count(DatabaseClient db, BigDecimal amountMin) {
		return db.sql("SELECT count(*) AS total FROM tenders_contract WHERE tenant_id = current_tenant() AND amount >= :min")
			.bind("min", amountMin)
			.map(row -> row.get("total", Long.class))
			.one();
	}

	/** The contracts from {@code amountMin}, by notification day then id, {@code fetchSize} rows per round trip. */
	Flux<Contract> stream(DatabaseClient db, BigDecimal amountMin, int fetchSize) {
		return db.sql("SELECT " + SELECTED + " FROM tenders_contract WHERE tenant_id = current_tenant() AND amount >= :min "
				+ "ORDER BY notified_on, id")
			.bind("min", amountMin)
			.filter(statement -> statement.fetchSize(fetchSize))
			.map(ContractStore::toContract)
			.all();
	}

	private static Contract toContract(Readable row) {
		return new Contract(row.get("id", UUID.class), row.get("lot_id", UUID.class), row.get("tender_id", UUID.class),
				row.get("tender_reference", String.class), row.get("lot_number", Integer.class), row.get("lot_count", Integer.class),
				row.get("object", String.class), row.get("description", String.class), TenderNature.valueOf(row.get("nature", String.class)),
				TenderProcedure.valueOf(row.get("procedure", String.class)), row.get("cpv_code", String.class), row.get("department", String.class),
				row.get("buyer_siret", String.class), row.get("buyer_name", String.class), row.get("holder_siret", String.class),
				row.get("holder_name", String.class), Boolean.TRUE.equals(row.get("holder_sme", Boolean.class)), row.get("amount", BigDecimal.class),
				row.get("offers_received", Integer.class), row.get("award_notified_on", LocalDate.class), row.get("notified_on", LocalDate.class),
				row.get("duration_months", Integer.class), PriceForm.valueOf(row.get("price_form", String.class)),
				amendments(row.get("amendments", String.class)));
	}

	private static List<Amendment> amendments(String json) {
		List<Amendment> amendments = new ArrayList<>();
		for (JsonNode item : JSON.readTree(json)) {
			List<String> holders = new ArrayList<>();
			item.path("holderSirets").forEach(siret -> holders.add(siret.asString()));
			amendments.add(new Amendment(UUID.fromString(item.path("key").asString()), item.path("sequence").asInt(),
					LocalDate.parse(item.path("notifiedOn").asString()), LocalDate.parse(item.path("publishedOn").asString()),
					item.path("amount").isNumber() ? item.path("amount").decimalValue().setScale(2) : null,
					item.path("durationMonths").isNumber() ? item.path("durationMonths").asInt() : null, holders, item.path("reason").asString()));
		}
		return amendments;
	}

	Mono<Amendment> insert(TenantTransaction tx, UUID contractKey, Amendment amendment, String recordedBy) {
		var insert = tx.db().sql("INSERT INTO tenders_contract_amendment (tenant_id, id, contract_id, sequence, notified_on, published_on, "
				+ "amount, duration_months, holder_sirets, reason, recorded_by) VALUES (:tenant, :id, :contract, :sequence, :notifiedOn, "
				+ ":publishedOn, :amount, :duration, :holders, :reason, :recordedBy)")
			.bind("tenant", tx.tenant())
			.bind("id", amendment.key())
			.bind("contract", contractKey)
			.bind("sequence", amendment.sequence())
			.bind("notifiedOn", amendment.notifiedOn())
			.bind("publishedOn", amendment.publishedOn());
		insert = amendment.amount() == null ? insert.bindNull("amount", BigDecimal.class) : insert.bind("amount", amendment.amount());
		insert = amendment.durationMonths() == null ? insert.bindNull("duration", Integer.class)
				: insert.bind("duration", amendment.durationMonths());
		insert = amendment.holderSirets().isEmpty() ? insert.bindNull("holders", String[].class)
				: insert.bind("holders", amendment.holderSirets().toArray(String[]::new));
		return insert
			.bind("reason", amendment.reason())
			.bind("recordedBy", recordedBy)
			.then()
			.thenReturn(amendment);
	}

}
