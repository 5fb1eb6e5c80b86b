package com.performanceos.ledger.receivables.invoices;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.security.Viewer;

/** Looks invoices up by key for the rest of the receivables module (escalation tasks). */
@Component
public final class InvoiceDirectory {

	private final InvoiceService invoices;

	InvoiceDirectory(InvoiceService invoices) {
		this.invoices = invoices;
	}

	/** The invoices of the viewer's tenant with these keys; unknown keys are absent. */
	public Mono<Map<UUID, Invoice>> load(Viewer viewer, Collection<UUID> keys) {
		return invoices.load(viewer, keys);
	}

}
