package com.performanceos.tenders.evaluation;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.tenders.evaluation.Ranking.RankedOffer;
import com.performanceos.tenders.procurement.Lot;
import com.performanceos.tenders.procurement.TenderDirectory;

/** Batched reads of offers and awards for the GraphQL layer, in the viewer's tenant (offers exist only in the buyer's). */
@Component
class EvaluationReads {

	private final TenantDatabase database;

	private final Evaluations evaluations;

	private final OfferStore offers;

	private final TenderDirectory tenders;

	EvaluationReads(TenantDatabase database, Evaluations evaluations, OfferStore offers, TenderDirectory tenders) {
		this.database = database;
		this.evaluations = evaluations;
		this.offers = offers;
		this.tenders = tenders;
	}

	Mono<Map<UUID, List<RankedOffer>>> ranked(Viewer viewer, Collection<UUID> lotKeys) {
		return database.inTransaction(viewer.tenant(), db -> evaluations.ranked(db, lotKeys));
	}

	Mono<Map<UUID, AwardView>> awards(Viewer viewer, Collection<UUID> lotKeys) {
		return database.inTransaction(viewer.tenant(), db -> Mono.zip(offers.awards(db, lotKeys), evaluations.ranked(db, lotKeys))
			.map(found -> {
				Map<UUID, AwardView> result = new HashMap<>();
				found.getT1().forEach((lot, award) -> result.put(lot, AwardView.of(award, found.getT2().getOrDefault(lot, List.of()))));
				return result;
			}));
	}

	Mono<Map<UUID, RankedOffer>> offers(Viewer viewer, Collection<UUID> offerKeys) {
		return database.inTransaction(viewer.tenant(), db -> offers.find(db, offerKeys)
			.flatMap(found -> evaluations.ranked(db, found.stream().map(Offer::lotKey).distinct().toList()))
			.map(byLot -> byLot.values().stream().flatMap(List::stream)
				.filter(offer -> offerKeys.contains(offer.offer().key()))
				.collect(Collectors.toMap(offer -> offer.offer().key(), Function.identity()))));
	}

	Mono<Map<RankedOffer, Lot>> lots(Viewer viewer, List<RankedOffer> ranked) {
		return database.inTransaction(viewer.tenant(), db -> tenders.lots(db, ranked.stream().map(offer -> offer.offer().lotKey()).distinct().toList()))
			.map(lots -> {
				Map<UUID, Lot> byKey = lots.stream().collect(Collectors.toMap(Lot::key, Function.identity()));
				Map<RankedOffer, Lot> result = new LinkedHashMap<>();
				ranked.forEach(offer -> {
					Lot lot = byKey.get(offer.offer().lotKey());
					if (lot != null) {
						result.put(offer, lot);
					}
				});
				return result;
			});
	}

}
