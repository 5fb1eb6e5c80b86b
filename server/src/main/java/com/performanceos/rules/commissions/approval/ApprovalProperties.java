package com.performanceos.rules.commissions.approval;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the run approval ({@code performanceos.commissions.approval.*}).
 *
 * @param stepWaitMax how long a run may wait for its current step (a manager, FINANCE, payment) before the wait is
 * escalated; 1 hour to 90 days
 * @param expenseAccount the code of the ledger account debited with commission expense
 * @param liabilityAccount the code of the ledger account credited with the accrued commissions (a liability)
 * @param repDimension the code of the ledger dimension whose members are the reps' codes: each accrual line carries its
 * rep there
 * @param scheduleEnabled whether every instance escalates the waits of every tenant on a schedule (as of now)
 * @param scheduleInterval how often the scheduled escalation runs; 1 minute to 1 day
 * @param tenantsPerRunMax the most tenants one scheduled run visits
 */
@ConfigurationProperties("performanceos.commissions.approval")
record ApprovalProperties(@DefaultValue("3d") Duration stepWaitMax, @DefaultValue("6413") String expenseAccount,
		@DefaultValue("4286") String liabilityAccount, @DefaultValue("REP") String repDimension, @DefaultValue("true") boolean scheduleEnabled,
		@DefaultValue("15m") Duration scheduleInterval, @DefaultValue("10000") int tenantsPerRunMax) {

	ApprovalProperties {
		if (stepWaitMax.compareTo(Duration.ofHours(1)) < 0 || stepWaitMax.compareTo(Duration.ofDays(90)) > 0) {
			throw new IllegalArgumentException("performanceos.commissions.approval.step-wait-max must be 1 hour to 90 days, got " + stepWaitMax);
		}
		if (expenseAccount.isBlank() || liabilityAccount.isBlank() || expenseAccount.equals(liabilityAccount)) {
			throw new IllegalArgumentException("performanceos.commissions.approval.expense-account and liability-account are two different codes");
		}
		if (scheduleInterval.compareTo(Duration.ofMinutes(1)) < 0 || scheduleInterval.compareTo(Duration.ofDays(1)) > 0) {
			throw new IllegalArgumentException("performanceos.commissions.approval.schedule-interval must be 1 minute to 1 day, got " + scheduleInterval);
		}
		if (tenantsPerRunMax < 1 || tenantsPerRunMax > 1_000_000) {
			throw new IllegalArgumentException("performanceos.commissions.approval.tenants-per-run-max must be 1 to 1,000,000, got " + tenantsPerRunMax);
		}
		if (repDimension.isBlank()) {
			throw new IllegalArgumentException("performanceos.commissions.approval.rep-dimension names a dimension");
		}
	}

}
