/**
 * Commission plans: the {@code COMMISSION_PLAN} definition (eligibility, crediting, base rates, tiers, cap, clawback
 * window, draw), checked when a registry version is saved, and the assignment of plan versions to reps per period.
 */
@NullMarked
package com.performanceos.rules.commissions.plans;

import org.jspecify.annotations.NullMarked;
