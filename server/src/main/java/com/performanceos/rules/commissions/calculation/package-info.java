/**
 * The calculation core: pure, in-memory, deterministic. Credited deal lines, quotas and plans in; commission lines
 * with their traces, totals per rep and a digest out. No database, no clock.
 */
@NullMarked
package com.performanceos.rules.commissions.calculation;

import org.jspecify.annotations.NullMarked;
