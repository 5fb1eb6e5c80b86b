package com.performanceos.ledger.receivables.invoices;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.NodeLoader;
import com.performanceos.platform.security.Viewer;

/** Resolves {@code InvoicePayment} ids for {@code node(id)} and {@code nodes(ids)}. */
@Component
class InvoicePaymentNodes implements NodeLoader {

	private final InvoiceService invoices;

	InvoicePaymentNodes(InvoiceService invoices) {
		this.invoices = invoices;
	}

	@Override
	public String typeName() {
		return InvoicePayment.TYPE_NAME;
	}

	@Override
	public Mono<Map<UUID, Object>> load(Viewer viewer, Collection<UUID> keys) {
		return invoices.loadPayments(viewer, keys).map(Map::<UUID, Object>copyOf);
	}

}
