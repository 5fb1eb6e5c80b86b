package com.performanceos.tenders.evaluation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.BatchMaps;
import com.performanceos.platform.graphql.NodeLoader;
import com.performanceos.platform.security.Viewer;
import com.performanceos.tenders.evaluation.EvaluationInputs.LotPayload;
import com.performanceos.tenders.evaluation.EvaluationInputs.OfferPayload;
import com.performanceos.tenders.evaluation.Ranking.RankedOffer;
import com.performanceos.tenders.procurement.Lot;

/** GraphQL edge of evaluation and award: opening, scores, abnormally-low decisions, award and notification. */
@Controller
class EvaluationController implements NodeLoader {

	private final EvaluationService evaluation;

	private final AwardService awards;

	private final EvaluationReads reads;

	EvaluationController(EvaluationService evaluation, AwardService awards, EvaluationReads reads) {
		this.evaluation = evaluation;
		this.awards = awards;
		this.reads = reads;
	}

	@MutationMapping
	Mono<LotPayload> openBids(@Argument EvaluationInputs.LotInput input, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer,
			@ContextValue(name = "sourceAddress", required = false) @Nullable String sourceAddress) {
		return evaluation.open(viewer, input, sourceAddress);
	}

	@MutationMapping
	Mono<LotPayload> declareNoConflictOfInterest(@Argument EvaluationInputs.LotInput input, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer,
			@ContextValue(name = "sourceAddress", required = false) @Nullable String sourceAddress) {
		return evaluation.declareNoConflict(viewer, input, sourceAddress);
	}

	@MutationMapping
	Mono<OfferPayload> scoreOffer(@Argument EvaluationInputs.ScoreInput input, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer,
			@ContextValue(name = "sourceAddress", required = false) @Nullable String sourceAddress) {
		return evaluation.score(viewer, input, sourceAddress);
	}

	@MutationMapping
	Mono<OfferPayload> decideAbnormallyLowOffer(@Argument EvaluationInputs.DecideInput input, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer,
			@ContextValue(name = "sourceAddress", required = false) @Nullable String sourceAddress) {
		return evaluation.decideAbnormallyLow(viewer, input, sourceAddress);
	}

	@MutationMapping
	Mono<LotPayload> awardLot(@Argument EvaluationInputs.LotInput input, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer,
			@ContextValue(name = "sourceAddress", required = false) @Nullable String sourceAddress) {
		return awards.award(viewer, input, sourceAddress);
	}

	@MutationMapping
	Mono<OfferPayload> recordAwardeeFailure(@Argument EvaluationInputs.FailureInput input, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer,
			@ContextValue(name = "sourceAddress", required = false) @Nullable String sourceAddress) {
		return awards.recordFailure(viewer, input, sourceAddress);
	}

	@MutationMapping
	Mono<LotPayload> notifyAward(@Argument EvaluationInputs.NotifyInput input, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer,
			@ContextValue(name = "sourceAddress", required = false) @Nullable String sourceAddress) {
		return awards.notify(viewer, input, sourceAddress);
	}

	@BatchMapping(typeName = "Lot", field = "offers")
	Mono<Map<Lot, List<RankedOffer>>> offers(List<Lot> lots, GraphQLContext context) {
		return BatchMaps.toMany(lots, Lot::key, keys -> reads.ranked(context.get(Viewer.CONTEXT_KEY), keys));
	}

	@BatchMapping(typeName = "Lot", field = "award")
	Mono<Map<Lot, AwardView>> award(List<Lot> lots, GraphQLContext context) {
		return BatchMaps.toOne(lots, Lot::key, keys -> reads.awards(context.get(Viewer.CONTEXT_KEY), keys));
	}

	@BatchMapping(typeName = "Offer", field = "lot")
	Mono<Map<RankedOffer, Lot>> lot(List<RankedOffer> offers, GraphQLContext context) {
		return reads.lots(context.get(Viewer.CONTEXT_KEY), offers);
	}

	@Override
	public String typeName() {
		return Offer.TYPE_NAME;
	}

	@Override
	public Mono<Map<UUID, Object>> load(Viewer viewer, Collection<UUID> keys) {
		return reads.offers(viewer, keys).map(Map::<UUID, Object>copyOf);
	}

}
