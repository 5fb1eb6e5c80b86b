package com.performanceos.tenders.evaluation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.tenders.evaluation.Ranking.RankedOffer;
import com.performanceos.tenders.procurement.Lot;
import com.performanceos.tenders.procurement.TenderDirectory;
import com.performanceos.tenders.procurement.TenderDirectory.LotFacts;

/** Reads shared by the evaluation services: the buyer's own lots and their ranked offers. */
@Component
class Evaluations {

	private final TenderDirectory tenders;

	private final OfferStore offers;

	Evaluations(TenderDirectory tenders, OfferStore offers) {
		this.tenders = tenders;
		this.offers = offers;
	}

	/** A lot of the transaction's own tenant; another buyer's published lot is "not found" here. */
	Mono<LotFacts> ownLot(DatabaseClient db, UUID lotKey) {
		return tenders.lot(db, lotKey).filter(LotFacts::ownedByCaller);
	}

	Mono<Lot> lot(DatabaseClient db, UUID lotKey) {
		return tenders.lots(db, List.of(lotKey)).flatMap(found -> Mono.justOrEmpty(found.stream().findFirst()));
	}

	/** The offers of lots, scored and ranked, by lot. */
	Mono<Map<UUID, List<RankedOffer>>> ranked(DatabaseClient db, Collection<UUID> lotKeys) {
		return Mono.zip(offers.byLot(db, lotKeys), offers.points(db, lotKeys), tenders.criteria(db, lotKeys), tenders.lots(db, lotKeys))
			.map(all -> {
				Map<UUID, List<RankedOffer>> result = new HashMap<>();
				for (Lot lot : all.getT4()) {
					List<Offer> lotOffers = all.getT1().getOrDefault(lot.key(), List.of());
					result.put(lot.key(), lotOffers.isEmpty() ? List.of()
							: Ranking.rank(lotOffers, all.getT3().getOrDefault(lot.key(), List.of()), lot.priceScoringMethod(), all.getT2()));
				}
				return result;
			});
	}

	Mono<List<RankedOffer>> ranked(DatabaseClient db, UUID lotKey) {
		return ranked(db, List.of(lotKey)).map(byLot -> new ArrayList<>(byLot.getOrDefault(lotKey, List.of())));
	}

	/** One offer with its scores, ranked among its lot's. */
	Mono<RankedOffer> rankedOffer(DatabaseClient db, Offer offer) {
		return ranked(db, offer.lotKey()).flatMap(ranked -> Mono.justOrEmpty(ranked.stream()
			.filter(candidate -> candidate.offer().key().equals(offer.key()))
			.findFirst()));
	}

}
