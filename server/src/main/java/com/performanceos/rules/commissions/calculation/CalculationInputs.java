package com.performanceos.rules.commissions.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.performanceos.rules.commissions.plans.CommissionPlan;

/**
 * Everything a calculation reads, already loaded: a calculation never reads anything else, so the same inputs give
 * the same lines, totals and digest.
 *
 * @param period the month calculated
 * @param plans the plan version paying each rep (by rep code); a rep without one earns nothing this period
 * @param quotas each rep's quota for the period, in the plan's currency
 * @param roles each rep's role (AE, SDR...), for eligibility and the base rate table
 * @param deals the deals closed in the period, in close date then reference order
 * @param hierarchy who manages whom, on a day
 * @param clawbacks deals closed earlier and cancelled in the period, with what each rep was paid on them
 * @param carries what each rep carries in from the previous period (clawback not yet netted, draw not yet recovered)
 * @param rates the exchange rates converting deals in other currencies to their plan's, as of their close dates
 */
public record CalculationInputs(YearMonth period, Map<String, PlanVersion> plans, Map<String, BigDecimal> quotas,
		Map<String, String> roles, List<CreditedDeal> deals, Hierarchy hierarchy, List<Clawback> clawbacks, Map<String, Carry> carries,
		ExchangeRates rates) {

	/** Inputs without exchange rates: every deal must be in its plan's currency. */
	public CalculationInputs(YearMonth period, Map<String, PlanVersion> plans, Map<String, BigDecimal> quotas, Map<String, String> roles,
			List<CreditedDeal> deals, Hierarchy hierarchy, List<Clawback> clawbacks, Map<String, Carry> carries) {
		this(period, plans, quotas, roles, deals, hierarchy, clawbacks, carries, ExchangeRates.NONE);
	}

	/**
	 * A plan version as the registry stores it.
	 *
	 * @param versionKey the version's key
	 * @param versionId the version's global id
	 * @param ruleName the plan's rule name
	 * @param number the version's number
	 * @param sha256 the digest of its definition
	 * @param plan the plan it defines
	 */
	public record PlanVersion(UUID versionKey, String versionId, String ruleName, int number, String sha256, CommissionPlan plan) {
	}

	/**
	 * A deal with its credit splits.
	 *
	 * @param dealKey its key
	 * @param dealRef the CRM's reference
	 * @param owner the rep who owns it
	 * @param product what was sold
	 * @param region where
	 * @param stage its stage
	 * @param closeDate when it closed
	 * @param amount its amount
	 * @param arr its annual recurring revenue
	 * @param currency the currency of both
	 * @param splits the credit splits (sum 100), or empty for 100 % to the owner
	 * @param source where it came from: the import and row, or the CRM record
	 */
	public record CreditedDeal(UUID dealKey, String dealRef, String owner, String product, String region, String stage, LocalDate closeDate,
			BigDecimal amount, BigDecimal arr, Currency currency, List<Split> splits, String source) {

		/** The splits in force: the given ones, or the owner's 100 %. */
		public List<Split> effectiveSplits() {
			return splits.isEmpty() ? List.of(new Split(owner, Split.WHOLE)) : splits;
		}

	}

	/** One rep's share of a deal's credit, in percent. */
	public record Split(String rep, BigDecimal sharePercent) {

		public static final BigDecimal WHOLE = new BigDecimal("100");

	}

	/** Managers of a rep on a day, nearest first. */
	@FunctionalInterface
	public interface Hierarchy {

		Hierarchy NONE = (rep, day) -> List.of();

		List<String> managersOf(String rep, LocalDate day);

	}

	/**
	 * A deal closed in an earlier period and cancelled in this one, and what one rep was paid on it.
	 *
	 * @param dealKey the deal's key
	 * @param dealRef its reference
	 * @param rep the rep paid
	 * @param closeDate when it closed
	 * @param cancellationDate when it was cancelled
	 * @param paid what the rep's lines on it amounted to in the latest run of its period
	 */
	public record Clawback(UUID dealKey, String dealRef, String rep, LocalDate closeDate, LocalDate cancellationDate, BigDecimal paid) {
	}

	/**
	 * What a rep carries from the previous period.
	 *
	 * @param clawback clawback not yet netted against payouts
	 * @param drawBalance recoverable draw not yet recovered
	 */
	public record Carry(BigDecimal clawback, BigDecimal drawBalance) {

		public static final Carry NONE = new Carry(BigDecimal.ZERO, BigDecimal.ZERO);

	}

}
