package com.performanceos.tenders.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.tenders.TenderErrorCode;
import com.performanceos.tenders.bids.OpenedBid;
import com.performanceos.tenders.bids.SealedBids;
import com.performanceos.tenders.evaluation.EvaluationInputs.LotPayload;
import com.performanceos.tenders.evaluation.EvaluationInputs.OfferPayload;
import com.performanceos.tenders.procurement.AwardCriterion;
import com.performanceos.tenders.procurement.CriterionKind;
import com.performanceos.tenders.procurement.Lot;
import com.performanceos.tenders.procurement.LotStatus;
import com.performanceos.tenders.procurement.TenderDirectory;
import com.performanceos.tenders.procurement.TenderDirectory.LotFacts;

/** Opens the bids of a lot after its deadline, records evaluators' scores and the buyer's abnormally-low decisions. */
@Service
class EvaluationService {

	private final Mutations mutations;

	private final SealedBids sealedBids;

	private final TenderDirectory tenders;

	private final OfferStore offers;

	private final Evaluations evaluations;

	EvaluationService(Mutations mutations, SealedBids sealedBids, TenderDirectory tenders, OfferStore offers, Evaluations evaluations) {
		this.mutations = mutations;
		this.sealedBids = sealedBids;
		this.tenders = tenders;
		this.offers = offers;
		this.evaluations = evaluations;
	}

	Mono<LotPayload> open(Viewer viewer, EvaluationInputs.LotInput input, @Nullable String sourceAddress) {
		Optional<UUID> lotKey = GlobalId.decode(input.lotId(), Lot.TYPE_NAME);
		if (lotKey.isEmpty()) {
			return Mono.just(LotPayload.failed(TenderErrorCode.NOT_FOUND, "lotId", "No such lot"));
		}
		return mutations.once(viewer.tenant(), tx -> evaluations.ownLot(tx.db(), lotKey.get())
			.flatMap(lot -> switch (lot.status()) {
				case PUBLISHED -> sealed();
				case CLOSED -> sealedBids.open(tx, lot).flatMap(opened -> opened.isEmpty() ? sealed() : store(tx, viewer, lot, opened.get(), sourceAddress));
				default -> Mono.just(Outcome.rejected(LotPayload.failed(TenderErrorCode.INVALID_STATE, "lotId",
						"The bids of a lot are opened once, when it is closed (status " + lot.status() + ")")));
			})
			.switchIfEmpty(Mono.fromSupplier(() -> Outcome.rejected(LotPayload.failed(TenderErrorCode.NOT_FOUND, "lotId", "No such lot")))));
	}

	private static Mono<Outcome<LotPayload>> sealed() {
		return Mono.just(Outcome.rejected(LotPayload.failed(TenderErrorCode.BIDS_SEALED, "lotId",
				"The bids are sealed until the submission deadline")));
	}

	private Mono<Outcome<LotPayload>> store(TenantTransaction tx, Viewer viewer, LotFacts lot, List<OpenedBid> opened,
			@Nullable String sourceAddress) {
		List<BigDecimal> amounts = opened.stream().map(bid -> bid.content().amount()).toList();
		LotStatus next = opened.isEmpty() ? LotStatus.UNSUCCESSFUL : LotStatus.EVALUATION;
		return Flux.range(0, opened.size())
			.concatMap(index -> offers.insert(tx, lot.lotKey(), opened.get(index),
					AbnormallyLowOffers.detect(amounts, index, lot.abnormallyLowPercent(), lot.estimatedValue().amount()).orElse(null)))
			.then(tenders.move(tx.db(), lot.lotKey(), LotStatus.PUBLISHED, next))
			.then(Mono.zip(evaluations.lot(tx.db(), lot.lotKey()), evaluations.ranked(tx.db(), lot.lotKey())))
			.map(result -> Outcome.committed(LotPayload.of(result.getT1(), result.getT2()),
					new AuditEntry(viewer.subject(), "tenders.bids.opened", Lot.TYPE_NAME, result.getT1().id(), sourceAddress,
							Map.of("status", "CLOSED"), Map.of("status", next.name(), "bids", opened.size(), "receipts",
									opened.stream().map(OpenedBid::receiptSha256).toList()))));
	}

	Mono<LotPayload> declareNoConflict(Viewer viewer, EvaluationInputs.LotInput input, @Nullable String sourceAddress) {
		Optional<UUID> lotKey = GlobalId.decode(input.lotId(), Lot.TYPE_NAME);
		if (lotKey.isEmpty()) {
			return Mono.just(LotPayload.failed(TenderErrorCode.NOT_FOUND, "lotId", "No such lot"));
		}
		return mutations.once(viewer.tenant(), tx -> evaluations.ownLot(tx.db(), lotKey.get())
			.flatMap(lot -> offers.declare(tx, lot.lotKey(), viewer.subject())
				.then(Mono.zip(evaluations.lot(tx.db(), lot.lotKey()), evaluations.ranked(tx.db(), lot.lotKey())))
				.map(result -> Outcome.committed(LotPayload.of(result.getT1(), result.getT2()),
						new AuditEntry(viewer.subject(), "tenders.evaluator.declared-no-conflict", Lot.TYPE_NAME, result.getT1().id(),
								sourceAddress, null, Map.of("evaluator", viewer.subject())))))
			.switchIfEmpty(Mono.fromSupplier(() -> Outcome.rejected(LotPayload.failed(TenderErrorCode.NOT_FOUND, "lotId", "No such lot")))));
	}

	Mono<OfferPayload> score(Viewer viewer, EvaluationInputs.ScoreInput input, @Nullable String sourceAddress) {
		return Mutations.unlessInvalid(input.validate(), OfferPayload::failed,
				() -> onOffer(viewer, input.offerId(), (tx, offer) -> evaluations.ownLot(tx.db(), offer.lotKey()).flatMap(lot -> {
					if (lot.status() != LotStatus.EVALUATION) {
						return refuse(TenderErrorCode.INVALID_STATE, "offerId", "Offers are scored while their lot is in evaluation");
					}
					return Mono.zip(offers.declared(tx.db(), lot.lotKey(), viewer.subject()), tenders.criteria(tx.db(), List.of(lot.lotKey())))
						.flatMap(state -> {
							if (!state.getT1()) {
								return refuse(TenderErrorCode.SEGREGATION_OF_DUTIES, "offerId",
										"Declare that you have no conflict of interest on this lot before scoring it");
							}
							Optional<AwardCriterion> criterion = state.getT2().getOrDefault(lot.lotKey(), List.of()).stream()
								.filter(candidate -> candidate.position() == input.criterionPosition() && candidate.kind() == CriterionKind.TECHNICAL)
								.findFirst();
							if (criterion.isEmpty()) {
								return refuse(TenderErrorCode.INVALID_INPUT, "criterionPosition", "Not a technical criterion of the lot");
							}
							if (input.points().compareTo(BigDecimal.valueOf(criterion.get().weight())) > 0) {
								return refuse(TenderErrorCode.INVALID_INPUT, "points", "At most " + criterion.get().weight() + " points on this criterion");
							}
							return offers.score(tx, offer.key(), input.criterionPosition(), viewer.subject(), input.points(), input.justification().strip())
								.then(evaluations.rankedOffer(tx.db(), offer))
								.map(ranked -> Outcome.committed(OfferPayload.of(ranked), new AuditEntry(viewer.subject(), "tenders.offer.scored",
										Offer.TYPE_NAME, offer.id(), sourceAddress, null, Map.of("criterion", input.criterionPosition(), "points",
												input.points().toPlainString(), "justification", input.justification().strip()))));
						});
				})));
	}

	Mono<OfferPayload> decideAbnormallyLow(Viewer viewer, EvaluationInputs.DecideInput input, @Nullable String sourceAddress) {
		return Mutations.unlessInvalid(input.validate(), OfferPayload::failed,
				() -> onOffer(viewer, input.offerId(), (tx, offer) -> {
					if (offer.abnormallyLowStatus() != AbnormallyLowStatus.JUSTIFICATION_REQUESTED) {
						return refuse(TenderErrorCode.INVALID_STATE, "offerId", "No justification of an abnormally low price is awaited for this offer");
					}
					AbnormallyLowStatus decision = input.accept() ? AbnormallyLowStatus.ACCEPTED : AbnormallyLowStatus.REJECTED;
					return offers.decideAbnormallyLow(tx.db(), offer.key(), decision, input.reason().strip(), viewer.subject())
						.then(offers.forUpdate(tx.db(), offer.key()))
						.flatMap(updated -> evaluations.rankedOffer(tx.db(), updated))
						.map(ranked -> Outcome.committed(OfferPayload.of(ranked), new AuditEntry(viewer.subject(), "tenders.offer.abnormally-low-decided",
								Offer.TYPE_NAME, offer.id(), sourceAddress, Map.of("status", offer.abnormallyLowStatus().name()),
								Map.of("status", decision.name(), "reason", input.reason().strip()))));
				}));
	}

	/** Runs work on an offer of the caller's tenant, locked; "not found" otherwise. */
	Mono<OfferPayload> onOffer(Viewer viewer, String offerId,
			java.util.function.BiFunction<TenantTransaction, Offer, Mono<Outcome<OfferPayload>>> work) {
		Optional<UUID> offerKey = GlobalId.decode(offerId, Offer.TYPE_NAME);
		if (offerKey.isEmpty()) {
			return Mono.just(OfferPayload.failed(TenderErrorCode.NOT_FOUND, "offerId", "No such offer"));
		}
		return mutations.once(viewer.tenant(), tx -> offers.forUpdate(tx.db(), offerKey.get())
			.flatMap(offer -> work.apply(tx, offer))
			.switchIfEmpty(Mono.fromSupplier(() -> Outcome.rejected(OfferPayload.failed(TenderErrorCode.NOT_FOUND, "offerId", "No such offer")))));
	}

	static Mono<Outcome<OfferPayload>> refuse(TenderErrorCode code, String field, String message) {
		return Mono.just(Outcome.rejected(OfferPayload.failed(code, field, message)));
	}

}
