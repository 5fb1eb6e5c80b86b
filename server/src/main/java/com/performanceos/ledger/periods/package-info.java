/** Monthly periods: closing them with a hashed certificate of the balances, and reopening them with a justification. */
@NullMarked
package com.performanceos.ledger.periods;

import org.jspecify.annotations.NullMarked;
