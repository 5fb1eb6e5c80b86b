package com.performanceos.tenders.evaluation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.BatchMaps;
import com.performanceos.platform.graphql.Caller;
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
	Mono<LotPayload> openBids(@Argument EvaluationInputs.LotInput input, Caller caller) {
		return evaluation.open(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<LotPayload> declareNoConflictOfInterest(@Argument EvaluationInputs.LotInput input, Caller caller) {
		return evaluation.declareNoConflict(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<OfferPayload> scoreOffer(@Argument EvaluationInputs.ScoreInput input, Caller caller) {
		return evaluation.score(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<OfferPayload> decideAbnormallyLowOffer(@Argument EvaluationInputs.DecideInput input, Caller caller) {
		return evaluation.decideAbnormallyLow(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<LotPayload> awardLot(@Argument EvaluationInputs.LotInput input, Caller caller) {
		return awards.award(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<OfferPayload> recordAwardeeFailure(@Argument EvaluationInputs.FailureInput input, Caller caller) {
		return awards.recordFailure(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<LotPayload> notifyAward(@Argument EvaluationInputs.NotifyInput input, Caller caller) {
		return awards.notify(caller.viewer(), input, caller.sourceAddress());
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
