/**
 * What-ifs of other domains put beside cash: a commission plan variant's cost (the commissions' published
 * {@code PlanVariants}) paid on a day, in a scenario's forecast. Nothing here is stored.
 */
@NullMarked
package com.performanceos.scenarios.whatif;

import org.jspecify.annotations.NullMarked;
