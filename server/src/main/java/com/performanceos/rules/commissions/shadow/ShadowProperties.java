package com.performanceos.rules.commissions.shadow;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the shadow calculation ({@code performanceos.commissions.shadow.*}).
 *
 * @param threshold the largest change of one rep's pay (in the plan's currency) a new plan version may make without
 * FINANCE approving it; 0 to 1,000,000, default 0.01
 * @param closedMonthsLookBack how many months before the current one are searched for the last period the ledger closed
 */
@ConfigurationProperties("performanceos.commissions.shadow")
record ShadowProperties(@DefaultValue("0.01") BigDecimal threshold, @DefaultValue("36") int closedMonthsLookBack) {

	ShadowProperties {
		if (threshold.signum() < 0 || threshold.compareTo(new BigDecimal("1000000")) > 0) {
			throw new IllegalArgumentException("performanceos.commissions.shadow.threshold must be 0 to 1,000,000, got " + threshold);
		}
		if (closedMonthsLookBack < 1 || closedMonthsLookBack > 120) {
			throw new IllegalArgumentException("performanceos.commissions.shadow.closed-months-look-back must be 1 to 120, got " + closedMonthsLookBack);
		}
	}

}
