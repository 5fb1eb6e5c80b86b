package com.performanceos.rules.sales;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * {@code setDealCredits}: a deal's credit split, replacing the one before from now on. The shares must sum to
 * exactly 100 % (an 80/30 split is refused here, and again by V90's statement trigger).
 */
final class SetDealCredits {

	static final int SHARES_MAX = 20;

	private SetDealCredits() {
	}

	record ShareInput(String rep, BigDecimal sharePercent) {
	}

	record Input(String dealId, List<ShareInput> credits) {

		List<SalesError> validate() {
			List<SalesError> errors = new ArrayList<>();
			if (credits.isEmpty() || credits.size() > SHARES_MAX) {
				errors.add(SalesError.invalid("1 to " + SHARES_MAX + " shares", "credits"));
				return errors;
			}
			Set<String> reps = new HashSet<>();
			BigDecimal sum = BigDecimal.ZERO;
			for (int index = 0; index < credits.size(); index++) {
				ShareInput share = credits.get(index);
				if (share.rep().isBlank() || share.rep().strip().length() > RecordSalesReps.TEXT_MAX || !reps.add(share.rep().strip())) {
					errors.add(SalesError.invalid("a rep code, once per split", "credits", Integer.toString(index), "rep"));
				}
				if (share.sharePercent().signum() <= 0 || share.sharePercent().compareTo(SplitShares.WHOLE) > 0
						|| share.sharePercent().stripTrailingZeros().scale() > 6) {
					errors.add(SalesError.invalid("a share above 0 and at most 100, with at most 6 decimals", "credits", Integer.toString(index),
							"sharePercent"));
				}
				sum = sum.add(share.sharePercent());
			}
			if (errors.isEmpty() && sum.compareTo(SplitShares.WHOLE) != 0) {
				errors.add(SalesError.at(SalesErrorCode.SPLIT_NOT_100, "The shares sum to " + sum.stripTrailingZeros().toPlainString()
						+ " %, not 100 %", "credits"));
			}
			return errors;
		}

		List<DealCredits.Share> shares() {
			return credits.stream().map(share -> new DealCredits.Share(share.rep().strip(), share.sharePercent())).toList();
		}

	}

	record Payload(@Nullable Deal deal, List<DealCredits.Share> credits, List<SalesError> userErrors) {

		static Payload failed(List<SalesError> errors) {
			return new Payload(null, List.of(), errors);
		}

	}

	/** The whole of a deal's credit. */
	static final class SplitShares {

		static final BigDecimal WHOLE = new BigDecimal("100");

		private SplitShares() {
		}

	}

}
