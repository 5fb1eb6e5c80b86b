package com.performanceos.ledger.receivables.aging;

import com.performanceos.ledger.receivables.invoices.InvoiceAging;

/** How aging rows are grouped; mirrors the schema's {@code AgingGroupBy}. */
enum AgingGroupBy {

	/** By counterparty code; the name shown is the latest one recorded for the code. */
	COUNTERPARTY(InvoiceAging.Grouping.COUNTERPARTY),
	/** By region; the name is the region itself. */
	REGION(InvoiceAging.Grouping.REGION);

	private final InvoiceAging.Grouping grouping;

	AgingGroupBy(InvoiceAging.Grouping grouping) {
		this.grouping = grouping;
	}

	/** The invoices' grouping this one asks for. */
	InvoiceAging.Grouping grouping() {
		return grouping;
	}

}
