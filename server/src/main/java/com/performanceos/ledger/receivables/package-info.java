/** Receivables and payables: invoices and payments, aging, working-capital ratios and escalation rules. */
@NullMarked
package com.performanceos.ledger.receivables;

import org.jspecify.annotations.NullMarked;
