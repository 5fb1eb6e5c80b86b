/**
 * Sales contests: a leaderboard of reps over days by a CEL metric on each deal's credit, live through a subscription
 * as deals arrive (the sales module's {@code DealsImported} and {@code CrmDealsSynced} events).
 */
@NullMarked
package com.performanceos.rules.commissions.contests;

import org.jspecify.annotations.NullMarked;
