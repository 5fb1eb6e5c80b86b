package com.performanceos.tenders.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.tenders.procurement.AwardCriterion;
import com.performanceos.tenders.procurement.CriterionKind;
import com.performanceos.tenders.procurement.PriceScoringMethod;

/**
 * Scores and ranks the offers of a lot: the price score by the lot's method among the eligible offers,
 * each technical criterion as the mean of its evaluators' points, the weighted total (criteria points are
 * already out of their weights), then the rank by total, lower price and earlier submission. Offers
 * rejected as abnormally low are listed without score or rank.
 */
final class Ranking {

	private Ranking() {
	}

	/** The points of one criterion for one offer: null while no evaluator has scored it. */
	record CriterionScore(int position, String name, CriterionKind kind, int weight, @Nullable BigDecimal points) {
	}

	/** An offer with its scores and rank (the schema's {@code Offer} scores). */
	record RankedOffer(Offer offer, List<CriterionScore> scores, @Nullable BigDecimal totalScore, @Nullable Integer rank, boolean complete) {

		public String id() {
			return offer.id();
		}

		public com.performanceos.platform.graphql.Money amount() {
			return new com.performanceos.platform.graphql.Money(offer.amount(), java.util.Currency.getInstance("EUR"));
		}

		public String vendorName() {
			return offer.vendorName();
		}

		public String vendorSiret() {
			return offer.vendorSiret();
		}

		public boolean vendorSme() {
			return offer.vendorSme();
		}

		public List<com.performanceos.tenders.bids.BidDocument> documents() {
			return offer.documents();
		}

		public String receiptSha256() {
			return offer.receiptSha256();
		}

		public java.time.Instant submittedAt() {
			return offer.submittedAt();
		}

		public boolean scoringComplete() {
			return complete;
		}

		public boolean abnormallyLow() {
			return offer.abnormallyLow();
		}

		public AbnormallyLowStatus abnormallyLowStatus() {
			return offer.abnormallyLowStatus();
		}

		public @Nullable String abnormallyLowReason() {
			return offer.abnormallyLowReason();
		}

		public AwardStatus awardStatus() {
			return offer.awardStatus();
		}

		public @Nullable String awardFailureReason() {
			return offer.awardFailureReason();
		}

		public com.performanceos.platform.graphql.@Nullable Money abnormallyLowReference() {
			BigDecimal reference = offer.abnormallyLowReference();
			return reference == null ? null : new com.performanceos.platform.graphql.Money(reference, java.util.Currency.getInstance("EUR"));
		}

	}

	static List<RankedOffer> rank(List<Offer> offers, List<AwardCriterion> criteria, PriceScoringMethod method,
			Map<UUID, Map<Integer, List<BigDecimal>>> technicalPoints) {
		List<BigDecimal> prices = offers.stream().filter(Offer::eligible).map(Offer::amount).toList();
		List<RankedOffer> scored = new ArrayList<>();
		for (Offer offer : offers) {
			if (!offer.eligible()) {
				scored.add(new RankedOffer(offer, List.of(), null, null, true));
				continue;
			}
			List<CriterionScore> scores = new ArrayList<>();
			BigDecimal total = BigDecimal.ZERO;
			boolean complete = true;
			for (AwardCriterion criterion : criteria) {
				BigDecimal points = criterion.kind() == CriterionKind.PRICE
						? PriceScoring.score(method, criterion.weight(), offer.amount(), prices)
						: mean(technicalPoints.getOrDefault(offer.key(), Map.of()).get(criterion.position()));
				complete &= points != null;
				total = total.add(points == null ? BigDecimal.ZERO : points);
				scores.add(new CriterionScore(criterion.position(), criterion.name(), criterion.kind(), criterion.weight(), points));
			}
			scored.add(new RankedOffer(offer, List.copyOf(scores), total, null, complete));
		}
		List<RankedOffer> ranked = scored.stream().filter(offer -> offer.totalScore() != null)
			.sorted(Comparator.comparing((RankedOffer offer) -> offer.totalScore()).reversed()
				.thenComparing(offer -> offer.offer().amount())
				.thenComparing(offer -> offer.offer().submittedAt()))
			.toList();
		List<RankedOffer> result = new ArrayList<>();
		for (int i = 0; i < ranked.size(); i++) {
			RankedOffer offer = ranked.get(i);
			result.add(new RankedOffer(offer.offer(), offer.scores(), offer.totalScore(), i + 1, offer.complete()));
		}
		scored.stream().filter(offer -> offer.totalScore() == null).forEach(result::add);
		return List.copyOf(result);
	}

	private static @Nullable BigDecimal mean(@Nullable List<BigDecimal> points) {
		if (points == null || points.isEmpty()) {
			return null;
		}
		BigDecimal sum = points.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		return sum.divide(BigDecimal.valueOf(points.size()), MathContext.DECIMAL128).setScale(PriceScoring.SCALE, RoundingMode.HALF_UP);
	}

}
