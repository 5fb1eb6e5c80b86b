/** Forecast accuracy: MAE, MAPE, WAPE, bias and MASE against a seasonal-naive scale, and the hold-out backtest that measures them. */
@NullMarked
package com.performanceos.scenarios.accuracy;

import org.jspecify.annotations.NullMarked;
