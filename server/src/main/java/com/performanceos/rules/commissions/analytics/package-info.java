/**
 * Commission results in the platform analytics store: each successful run's facts (by rep, team, product, region,
 * kind and month) projected from its outbox event, and a cube query over them.
 */
@NullMarked
package com.performanceos.rules.commissions.analytics;

import org.jspecify.annotations.NullMarked;
