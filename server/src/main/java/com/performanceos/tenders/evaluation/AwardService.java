package com.performanceos.tenders.evaluation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.reference.ReferenceData;
import com.performanceos.platform.reference.ReferenceValue;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.tenders.TenderErrorCode;
import com.performanceos.tenders.evaluation.EvaluationInputs.LotPayload;
import com.performanceos.tenders.evaluation.EvaluationInputs.OfferPayload;
import com.performanceos.tenders.evaluation.Ranking.RankedOffer;
import com.performanceos.tenders.procurement.Lot;
import com.performanceos.tenders.procurement.LotStatus;
import com.performanceos.tenders.procurement.TenderDirectory;
import com.performanceos.tenders.procurement.TenderDirectory.LotFacts;
import com.performanceos.tenders.procurement.TenderProcedure;

/**
 * Awards a lot to its best-ranked compliant offer, moves the award down the ranking when the awardee
 * fails (missing certificates...), and notifies it, starting the standstill of formal procedures.
 */
@Service
class AwardService {

	private static final ZoneId LEGAL_ZONE = ZoneId.of("Europe/Paris");

	/** Procedures below the EU thresholds have no standstill before signature. */
	private static final Set<TenderProcedure> WITHOUT_STANDSTILL = Set.of(TenderProcedure.NONE, TenderProcedure.MAPA);

	private final Mutations mutations;

	private final TenderDirectory tenders;

	private final OfferStore offers;

	private final Evaluations evaluations;

	private final EvaluationService evaluation;

	private final ReferenceData referenceData;

	AwardService(Mutations mutations, TenderDirectory tenders, OfferStore offers, Evaluations evaluations, EvaluationService evaluation,
			ReferenceData referenceData) {
		this.mutations = mutations;
		this.tenders = tenders;
		this.offers = offers;
		this.evaluations = evaluations;
		this.evaluation = evaluation;
		this.referenceData = referenceData;
	}

	Mono<LotPayload> award(Viewer viewer, EvaluationInputs.LotInput input, @Nullable String sourceAddress) {
		return onLot(viewer, input.lotId(), (tx, lot) -> evaluations.ranked(tx.db(), lot.lotKey()).flatMap(ranked -> {
			if (lot.status() != LotStatus.EVALUATION) {
				return refuse(TenderErrorCode.INVALID_STATE, "A lot is awarded from evaluation (status " + lot.status() + ")");
			}
			if (ranked.stream().anyMatch(offer -> offer.offer().awardStatus() != AwardStatus.NONE)) {
				return refuse(TenderErrorCode.INVALID_STATE, "The lot is already being awarded");
			}
			if (ranked.stream().anyMatch(offer -> offer.offer().abnormallyLowStatus() == AbnormallyLowStatus.JUSTIFICATION_REQUESTED)) {
				return refuse(TenderErrorCode.ABNORMALLY_LOW_UNDECIDED,
						"An abnormally low offer awaits the buyer's decision on its justification: it is never rejected automatically");
			}
			if (ranked.stream().anyMatch(offer -> offer.rank() != null && !offer.complete())) {
				return refuse(TenderErrorCode.SCORING_INCOMPLETE, "Every technical criterion of every offer needs a score");
			}
			return nextPending(tx, viewer, lot, ranked, "tenders.lot.award-proposed", sourceAddress);
		}));
	}

	Mono<OfferPayload> recordFailure(Viewer viewer, EvaluationInputs.FailureInput input, @Nullable String sourceAddress) {
		return Mutations.unlessInvalid(input.validate(), OfferPayload::failed,
				() -> evaluation.onOffer(viewer, input.offerId(), (tx, offer) -> {
					if (offer.awardStatus() != AwardStatus.PENDING) {
						return EvaluationService.refuse(TenderErrorCode.INVALID_STATE, "offerId", "Only the pending awardee can fail");
					}
					return offers.setAwardStatus(tx.db(), offer.key(), AwardStatus.FAILED, input.reason().strip())
						.then(evaluations.ownLot(tx.db(), offer.lotKey()))
						.flatMap(lot -> evaluations.ranked(tx.db(), lot.lotKey()).flatMap(ranked -> nextPending(tx, viewer, lot, ranked,
								"tenders.lot.award-cascaded", sourceAddress)))
						.then(offers.forUpdate(tx.db(), offer.key()))
						.flatMap(updated -> evaluations.rankedOffer(tx.db(), updated))
						.map(ranked -> Outcome.committed(OfferPayload.of(ranked), new AuditEntry(viewer.subject(), "tenders.offer.awardee-failed",
								Offer.TYPE_NAME, offer.id(), sourceAddress, Map.of("awardStatus", "PENDING"),
								Map.of("awardStatus", "FAILED", "reason", input.reason().strip()))));
				}));
	}

	/** Makes the best-ranked offer not yet tried pending; without one, the lot is unsuccessful. */
	private Mono<Outcome<LotPayload>> nextPending(TenantTransaction tx, Viewer viewer, LotFacts lot, List<RankedOffer> ranked, String action,
			@Nullable String sourceAddress) {
		Optional<RankedOffer> next = ranked.stream()
			.filter(offer -> offer.rank() != null && offer.offer().awardStatus() == AwardStatus.NONE)
			.findFirst();
		Mono<Void> change = next.isPresent() ? offers.setAwardStatus(tx.db(), next.get().offer().key(), AwardStatus.PENDING, null)
				: tenders.move(tx.db(), lot.lotKey(), LotStatus.EVALUATION, LotStatus.UNSUCCESSFUL).then();
		return change.then(Mono.zip(evaluations.lot(tx.db(), lot.lotKey()), evaluations.ranked(tx.db(), lot.lotKey())))
			.map(result -> Outcome.committed(LotPayload.of(result.getT1(), result.getT2()), new AuditEntry(viewer.subject(), action,
					Lot.TYPE_NAME, result.getT1().id(), sourceAddress, null,
					Map.of("pendingOffer", next.map(offer -> offer.offer().id()).orElse("none"), "status", result.getT1().status().name()))));
	}

	Mono<LotPayload> notify(Viewer viewer, EvaluationInputs.NotifyInput input, @Nullable String sourceAddress) {
		return onLot(viewer, input.lotId(), (tx, lot) -> evaluations.ranked(tx.db(), lot.lotKey()).flatMap(ranked -> {
			Optional<RankedOffer> pending = ranked.stream().filter(offer -> offer.offer().awardStatus() == AwardStatus.PENDING).findFirst();
			if (lot.status() != LotStatus.EVALUATION || pending.isEmpty()) {
				return refuse(TenderErrorCode.INVALID_STATE, "Only a lot with a pending awardee is notified");
			}
			LocalDate today = LocalDate.now(LEGAL_ZONE);
			String key = "procurement.standstill-days." + (input.electronic() ? "electronic" : "other");
			Mono<Optional<ReferenceValue>> standstill = WITHOUT_STANDSTILL.contains(lot.procedure()) ? Mono.just(Optional.empty())
					: referenceData.inForce(List.of(key), today).map(values -> Optional.ofNullable(values.get(key)));
			return standstill.flatMap(days -> {
				Integer standstillDays = days.map(value -> value.value().intValueExact()).orElse(null);
				LotAward award = new LotAward(pending.get().offer().key(), today, input.electronic(), standstillDays,
						standstillDays == null ? null : today.plusDays(standstillDays), days.map(ReferenceValue::source).orElse(null));
				return offers.setAwardStatus(tx.db(), award.offerKey(), AwardStatus.AWARDED, null)
					.then(offers.insertAward(tx, lot.lotKey(), award))
					.then(tenders.move(tx.db(), lot.lotKey(), LotStatus.EVALUATION, LotStatus.AWARDED))
					.then(Mono.zip(evaluations.lot(tx.db(), lot.lotKey()), evaluations.ranked(tx.db(), lot.lotKey())))
					.map(result -> Outcome.committed(LotPayload.of(result.getT1(), result.getT2()), new AuditEntry(viewer.subject(),
							"tenders.lot.award-notified", Lot.TYPE_NAME, result.getT1().id(), sourceAddress, Map.of("status", "EVALUATION"),
							Map.of("status", "AWARDED", "offer", pending.get().offer().id(), "notifiedOn", today.toString(), "standstillEndsOn",
									String.valueOf(award.standstillEndsOn())))));
			});
		}));
	}

	private Mono<LotPayload> onLot(Viewer viewer, String lotId,
			java.util.function.BiFunction<TenantTransaction, LotFacts, Mono<Outcome<LotPayload>>> work) {
		Optional<UUID> lotKey = GlobalId.decode(lotId, Lot.TYPE_NAME);
		if (lotKey.isEmpty()) {
			return Mono.just(LotPayload.failed(TenderErrorCode.NOT_FOUND, "lotId", "No such lot"));
		}
		return mutations.once(viewer.tenant(), tx -> evaluations.ownLot(tx.db(), lotKey.get())
			.flatMap(lot -> work.apply(tx, lot))
			.switchIfEmpty(Mono.fromSupplier(() -> Outcome.rejected(LotPayload.failed(TenderErrorCode.NOT_FOUND, "lotId", "No such lot")))));
	}

	private static Mono<Outcome<LotPayload>> refuse(TenderErrorCode code, String message) {
		return Mono.just(Outcome.rejected(LotPayload.failed(code, "lotId", message)));
	}

}
