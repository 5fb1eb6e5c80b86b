/** Deterministic statistical forecasters for a regular series (the revenue run-rate): seasonal naive and damped Holt-Winters. */
@NullMarked
package com.performanceos.scenarios.forecast;

import org.jspecify.annotations.NullMarked;
