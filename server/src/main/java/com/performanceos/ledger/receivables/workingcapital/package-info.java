/** Working-capital ratios (DSO, DPO, DIO, CCC) over a period, from invoices and the journal, in exact decimals. */
@NullMarked
package com.performanceos.ledger.receivables.workingcapital;

import org.jspecify.annotations.NullMarked;
