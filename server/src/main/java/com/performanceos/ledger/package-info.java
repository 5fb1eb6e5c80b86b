/** The Universal Ledger: chart of accounts, dimensions, journal entries, periods, imports, bank and cash. */
@NullMarked
package com.performanceos.ledger;

import org.jspecify.annotations.NullMarked;
