/** Bank and cash: bank accounts, aggregator transactions and their categorisation, cash position and flows. */
@NullMarked
package com.performanceos.ledger.bank;

import org.jspecify.annotations.NullMarked;
