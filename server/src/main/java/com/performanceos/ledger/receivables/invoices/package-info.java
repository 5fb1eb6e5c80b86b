/** Customer and supplier invoices, the payments against them, and their derived paid and open amounts. */
@NullMarked
package com.performanceos.ledger.receivables.invoices;

import org.jspecify.annotations.NullMarked;
