package com.performanceos.tenders.opendata;

import java.time.LocalDate;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import com.performanceos.tenders.contracts.Amendment;
import com.performanceos.tenders.contracts.Contract;
import com.performanceos.tenders.procurement.TenderNature;
import com.performanceos.tenders.procurement.TenderProcedure;

/**
 * A contract as a DECP 2.0.3 {@code marche}: the essential data French buyers publish for contracts from 40,000 EUR
 * excluding VAT. Facts the code base does not record yet (advances, subcontracting, social and environmental
 * considerations, purchasing techniques) are published as their schema's "none" value, never invented.
 */
final class DecpRecords {

	private DecpRecords() {
	}

	static ObjectNode marche(JsonMapper json, Contract contract, LocalDate publishedOn) {
		ObjectNode marche = json.createObjectNode();
		marche.put("id", contract.openDataId());
		marche.putObject("acheteur").put("id", contract.buyerSiret());
		marche.put("nature", "Marché");
		marche.put("objet", contract.object());
		marche.put("codeCPV", contract.cpvCode());
		marche.putObject("techniques").putArray("technique").add("Sans objet");
		marche.putObject("modalitesExecution").putArray("modaliteExecution").add("Sans objet");
		marche.put("marcheInnovant", false);
		marche.put("ccag", contract.nature() == TenderNature.WORKS ? "Travaux" : "Fournitures courantes et services");
		marche.put("offresRecues", contract.offersReceived());
		marche.put("attributionAvance", false);
		marche.put("typeGroupementOperateurs", "Pas de groupement");
		marche.put("procedure", procedure(contract.procedure()));
		marche.putObject("lieuExecution").put("code", contract.department()).put("typeCode", "Code département");
		marche.put("dureeMois", contract.durationMonths());
		marche.put("dateNotification", contract.notifiedOn().toString());
		marche.put("datePublicationDonnees", publishedOn.toString());
		marche.put("montant", contract.amount());
		marche.putObject("typesPrix").putArray("typePrix").add("Définitif ferme");
		marche.put("formePrix", contract.priceForm().decp());
		marche.put("sousTraitanceDeclaree", false);
		marche.putArray("titulaires").addObject().putObject("titulaire").put("typeIdentifiant", "SIRET").put("id", contract.holderSiret());
		marche.putObject("considerationsSociales").putArray("considerationSociale").add("Pas de considération sociale");
		marche.putObject("considerationsEnvironnementales").putArray("considerationEnvironnementale").add("Pas de considération environnementale");
		if (!contract.amendments().isEmpty()) {
			// The schema wants at least one item when the key is there: a contract never amended has no "modifications".
			ArrayNode modifications = marche.putArray("modifications");
			contract.amendments().forEach(amendment -> modification(modifications.addObject().putObject("modification"), amendment));
		}
		return marche;
	}

	/** An amendment as a DECP {@code modification}: its number, its two dates, and only what it changes. */
	private static void modification(ObjectNode modification, Amendment amendment) {
		modification.put("id", amendment.sequence());
		modification.put("dateNotificationModification", amendment.notifiedOn().toString());
		modification.put("datePublicationDonneesModification", amendment.publishedOn().toString());
		if (amendment.durationMonths() != null) {
			modification.put("dureeMois", amendment.durationMonths());
		}
		if (amendment.amount() != null) {
			modification.put("montant", amendment.amount());
		}
		if (!amendment.holderSirets().isEmpty()) {
			ArrayNode holders = modification.putArray("titulaires");
			amendment.holderSirets().forEach(siret -> holders.addObject().putObject("titulaire").put("typeIdentifiant", "SIRET").put("id", siret));
		}
	}

	/** The DECP label of a procedure. */
	static String procedure(TenderProcedure procedure) {
		return switch (procedure) {
			case NONE -> "Marché passé sans publicité ni mise en concurrence préalable";
			case MAPA -> "Procédure adaptée";
			case OPEN -> "Appel d'offres ouvert";
			case RESTRICTED -> "Appel d'offres restreint";
			case COMPETITIVE_DIALOGUE -> "Dialogue compétitif";
			case NEGOTIATED -> "Procédure avec négociation";
		};
	}

}
