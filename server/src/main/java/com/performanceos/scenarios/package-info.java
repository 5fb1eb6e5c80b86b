/** Cash scenarios: the direct 13-week forecast, drivers, recurring flows and measured forecast accuracy. */
@NullMarked
package com.performanceos.scenarios;

import org.jspecify.annotations.NullMarked;
