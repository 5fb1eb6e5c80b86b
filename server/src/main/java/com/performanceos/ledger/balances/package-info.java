/** Bitemporal account balances: as of an effective date, as known at a system time. */
@NullMarked
package com.performanceos.ledger.balances;

import org.jspecify.annotations.NullMarked;
