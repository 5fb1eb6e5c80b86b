/** The tenant's chart of pivot accounts. */
@NullMarked
package com.performanceos.ledger.accounts;

import org.jspecify.annotations.NullMarked;
