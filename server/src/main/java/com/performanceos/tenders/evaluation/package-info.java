/**
 * Evaluation and award of a lot: bids opened after the deadline become offers, prices are scored by the
 * lot's method, evaluators score the technical criteria, abnormally low offers await the buyer's decision,
 * the best-ranked compliant offer is awarded (with a cascade when the awardee fails) and the standstill runs.
 */
@NullMarked
package com.performanceos.tenders.evaluation;

import org.jspecify.annotations.NullMarked;
