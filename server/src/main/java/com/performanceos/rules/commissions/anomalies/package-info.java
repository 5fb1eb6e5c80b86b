/**
 * Anomalies of a calculation run (duplicate deals, amounts far from the usual range, credit over 100 %, eligible deals
 * without a line, reps without a plan), with a severity; the critical ones block a run's submission.
 */
@NullMarked
package com.performanceos.rules.commissions.anomalies;

import org.jspecify.annotations.NullMarked;
