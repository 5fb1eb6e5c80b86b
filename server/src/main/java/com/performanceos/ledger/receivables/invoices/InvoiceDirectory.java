package com.performanceos.ledger.receivables.invoices;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantTransaction;

/** Looks invoices up by key for the rest of the receivables module (escalation tasks), which never reads their tables. */
@Component
public final class InvoiceDirectory {

	private final InvoiceService invoices;

	private final InvoiceStore store;

	InvoiceDirectory(InvoiceService invoices, InvoiceStore store) {
		this.invoices = invoices;
		this.store = store;
	}

	/** The invoices of the viewer's tenant with these keys; unknown keys are absent. */
	public Mono<Map<UUID, Invoice>> load(Viewer viewer, Collection<UUID> keys) {
		return invoices.load(viewer, keys);
	}

	/** The invoices with these keys, read in the caller's open transaction; unknown keys are absent. */
	public Mono<Map<UUID, Invoice>> loadWithin(TenantTransaction tx, Collection<UUID> keys) {
		return store.load(tx.db(), keys);
	}

}
