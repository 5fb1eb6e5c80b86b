/** Scenarios as a tenant keeps them: templates, inheritance and driver overrides, driver history, immutable versions, comparison, and the forecast read from the ledger's published API. */
@NullMarked
package com.performanceos.scenarios.planning;

import org.jspecify.annotations.NullMarked;
