package com.performanceos.tenders.opendata;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import com.performanceos.tenders.contracts.Amendment;
import com.performanceos.tenders.contracts.Contract;
import com.performanceos.tenders.procurement.TenderProcedure;

/**
 * A contract as an OCDS 1.1.5 release of its tender's contracting process: the tender (as published), the award and
 * the contract. One release per contract; the releases of a tender's lots share its ocid.
 */
final class OcdsReleases {

	/**
	 * The identifier scheme of parties: their SIRET. OCDS takes the scheme from an open code list (org-id.guide) that
	 * its schema does not enforce; the prefix says what the number is.
	 */
	static final String SIRET_SCHEME = "FR-SIRET";

	private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

	private OcdsReleases() {
	}

	static ObjectNode release(JsonMapper json, Contract contract, String ocidPrefix) {
		String ocid = ocidPrefix + "-" + contract.tenderKey();
		String buyerId = SIRET_SCHEME + "-" + contract.buyerSiret();
		String supplierId = SIRET_SCHEME + "-" + contract.holderSiret();
		String signed = dateTime(contract.notifiedOn());
		String awarded = dateTime(contract.awardNotifiedOn());
		ObjectNode release = json.createObjectNode();
		release.put("ocid", ocid);
		release.put("id", ocid + "-contract-" + contract.key());
		release.put("date", signed);
		release.putArray("tag").add("contract");
		release.put("initiationType", "tender");
		release.put("language", "fr");
		ArrayNode parties = release.putArray("parties");
		party(parties.addObject(), buyerId, contract.buyerName(), contract.buyerSiret()).putArray("roles").add("buyer").add("procuringEntity");
		party(parties.addObject(), supplierId, contract.holderName(), contract.holderSiret()).putArray("roles").add("supplier").add("tenderer");
		release.putObject("buyer").put("id", buyerId).put("name", contract.buyerName());

		ObjectNode tender = release.putObject("tender");
		tender.put("id", contract.tenderKey().toString());
		tender.put("title", contract.object());
		tender.put("description", contract.description());
		tender.put("status", "complete");
		tender.put("procurementMethod", method(contract.procedure()));
		tender.put("procurementMethodDetails", DecpRecords.procedure(contract.procedure()));
		tender.put("mainProcurementCategory", switch (contract.nature()) {
			case WORKS -> "works";
			case SUPPLIES -> "goods";
			case SERVICES -> "services";
		});
		tender.put("numberOfTenderers", contract.offersReceived());
		ObjectNode item = tender.putArray("items").addObject();
		item.put("id", "1");
		item.put("description", contract.object());
		item.putObject("classification").put("scheme", "CPV").put("id", contract.cpvCode().substring(0, 8));
		item.putObject("deliveryAddress").put("region", contract.department()).put("countryName", "France");

		ObjectNode award = release.putArray("awards").addObject();
		String awardId = "award-" + contract.lotKey();
		award.put("id", awardId);
		award.put("status", "active");
		award.put("date", awarded);
		value(award.putObject("value"), contract);
		award.putArray("suppliers").addObject().put("id", supplierId).put("name", contract.holderName());

		ObjectNode signedContract = release.putArray("contracts").addObject();
		signedContract.put("id", contract.key().toString());
		signedContract.put("awardID", awardId);
		signedContract.put("title", contract.object());
		signedContract.put("status", "active");
		signedContract.putObject("value").put("amount", contract.currentAmount()).put("currency", "EUR");
		signedContract.put("dateSigned", signed);
		ObjectNode period = signedContract.putObject("period");
		period.put("startDate", signed);
		period.put("endDate", dateTime(contract.notifiedOn().plusMonths(contract.currentDurationMonths())));
		if (!contract.amendments().isEmpty()) {
			// The release describes the contract as amended (value, period); the amendments say what changed and when.
			ArrayNode amendments = signedContract.putArray("amendments");
			contract.amendments().forEach(amendment -> amendment(amendments.addObject(), amendment));
		}
		return release;
	}

	/**
	 * A day as the RFC 3339 date-time OCDS asks for, at midnight UTC. Always with seconds: {@code OffsetDateTime.toString()}
	 * drops zero seconds, which RFC 3339 does not allow (the schema check caught it).
	 */
	static String dateTime(LocalDate day) {
		return RFC_3339.format(day.atStartOfDay(ZoneOffset.UTC));
	}

	private static void amendment(ObjectNode amendment, Amendment facts) {
		amendment.put("id", Integer.toString(facts.sequence()));
		amendment.put("date", dateTime(facts.notifiedOn()));
		amendment.put("rationale", facts.reason());
		List<String> changes = new ArrayList<>();
		if (facts.amount() != null) {
			changes.add("montant : " + facts.amount().toPlainString() + " EUR HT");
		}
		if (facts.durationMonths() != null) {
			changes.add("durée : " + facts.durationMonths() + " mois");
		}
		if (!facts.holderSirets().isEmpty()) {
			changes.add("titulaires (SIRET) : " + String.join(", ", facts.holderSirets()));
		}
		amendment.put("description", String.join(" ; ", changes));
	}

	private static ObjectNode party(ObjectNode party, String id, String name, String siret) {
		party.put("id", id);
		party.put("name", name);
		party.putObject("identifier").put("scheme", SIRET_SCHEME).put("id", siret).put("legalName", name);
		return party;
	}

	private static void value(ObjectNode value, Contract contract) {
		value.put("amount", contract.amount());
		value.put("currency", "EUR");
	}

	/** The OCDS method code list: open, selective (candidates chosen first), limited (negotiated with few), direct. */
	static String method(TenderProcedure procedure) {
		return switch (procedure) {
			case OPEN, MAPA -> "open";
			case RESTRICTED, COMPETITIVE_DIALOGUE -> "selective";
			case NEGOTIATED -> "limited";
			case NONE -> "direct";
		};
	}

}
