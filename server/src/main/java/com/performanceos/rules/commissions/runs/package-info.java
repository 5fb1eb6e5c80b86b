/**
 * Calculation runs as platform jobs: reading the sales data as known at an instant, computing, writing lines and
 * totals in bulk; statements per rep and period with the access rules of REP and MANAGER.
 */
@NullMarked
package com.performanceos.rules.commissions.runs;

import org.jspecify.annotations.NullMarked;
