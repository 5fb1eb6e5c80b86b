package com.performanceos.tenders.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import com.performanceos.tenders.evaluation.Ranking.RankedOffer;

/**
 * The schema's {@code LotAward}: the notified award, its standstill and the letters sent to every bidder.
 *
 * @param offer the awarded offer
 * @param notifiedOn the day of notification
 * @param electronic whether sent electronically
 * @param standstillDays the standstill, null without one
 * @param standstillEndsOn the first day the contract may be signed, null without standstill
 * @param standstillSource the legal source of the standstill
 * @param letters one letter per bidder
 */
record AwardView(RankedOffer offer, LocalDate notifiedOn, boolean electronic, @Nullable Integer standstillDays,
		@Nullable LocalDate standstillEndsOn, @Nullable String standstillSource, List<Letter> letters) {

	/** The schema's {@code NotificationLetter}. */
	record Letter(String vendorName, String vendorSiret, boolean awarded, @Nullable Integer rank, @Nullable BigDecimal totalScore,
			String text) {
	}

	static AwardView of(LotAward award, List<RankedOffer> ranked) {
		RankedOffer winner = ranked.stream().filter(offer -> offer.offer().key().equals(award.offerKey())).findFirst()
			.orElseThrow(() -> new IllegalStateException("The awarded offer is not among its lot's offers"));
		List<Letter> letters = ranked.stream().map(offer -> letter(offer, winner, award)).toList();
		return new AwardView(winner, award.notifiedOn(), award.electronic(), award.standstillDays(), award.standstillEndsOn(),
				award.standstillSource(), letters);
	}

	/** The letter's reasons: the scores of the bidder and of the awardee, or why the bidder was set aside (CCP R2181-3). */
	private static Letter letter(RankedOffer offer, RankedOffer winner, LotAward award) {
		boolean awarded = offer == winner;
		String text;
		if (awarded) {
			text = "Your offer is ranked first with " + plain(offer.totalScore()) + " points out of 100 and is awarded the lot."
					+ (award.standstillEndsOn() == null ? "" : " The contract will not be signed before " + award.standstillEndsOn() + ".");
		}
		else if (offer.rank() == null) {
			text = "Your offer was rejected as abnormally low: " + Objects.requireNonNullElse(offer.offer().abnormallyLowReason(), "") + ".";
		}
		else if (offer.offer().awardStatus() == AwardStatus.FAILED) {
			text = "Your offer, ranked " + offer.rank() + ", could not be awarded: " + Objects.requireNonNullElse(offer.offer().awardFailureReason(), "")
					+ ".";
		}
		else {
			text = "Your offer is ranked " + offer.rank() + " with " + plain(offer.totalScore()) + " points out of 100; the awarded offer ("
					+ winner.offer().vendorName() + ") scored " + plain(winner.totalScore()) + "."
					+ (award.standstillEndsOn() == null ? "" : " The contract will not be signed before " + award.standstillEndsOn() + ".");
		}
		return new Letter(offer.offer().vendorName(), offer.offer().vendorSiret(), awarded, offer.rank(), offer.totalScore(), text);
	}

	private static String plain(@Nullable BigDecimal score) {
		return score == null ? "no" : score.toPlainString();
	}

}
