package com.performanceos.ledger.receivables.invoices;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.Caller;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.NodeLoader;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.security.Viewer;

/** GraphQL edge of invoices and payments; payments of a page of invoices load in one query. */
@Controller
class InvoiceController implements NodeLoader {

	private final InvoiceService invoices;

	InvoiceController(InvoiceService invoices) {
		this.invoices = invoices;
	}

	@QueryMapping
	Mono<Connection<Invoice>> invoices(@Argument @Nullable InvoiceKind kind, @Argument @Nullable InvoiceStatus status,
			@Argument @Nullable String counterparty, @Argument @Nullable Integer first, @Argument @Nullable String after,
			@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return invoices.list(viewer, new InvoiceStore.Filter(kind, status, counterparty), PageRequest.of(first, after, null, null));
	}

	@MutationMapping
	Mono<InvoicePayloads.Create> createInvoice(@Argument InvoiceInputs.CreateInput input, Caller caller) {
		return invoices.create(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<InvoicePayloads.Payment> recordPayment(@Argument InvoiceInputs.PaymentInput input, Caller caller) {
		return invoices.recordPayment(caller.viewer(), input, caller.sourceAddress());
	}

	@BatchMapping(typeName = "Invoice", field = "payments")
	Mono<Map<Invoice, List<InvoicePayment>>> payments(List<Invoice> page, GraphQLContext context) {
		Set<UUID> keys = new LinkedHashSet<>();
		page.forEach(invoice -> keys.add(invoice.key()));
		return invoices.paymentsOf(context.get(Viewer.CONTEXT_KEY), keys).map(found -> {
			Map<Invoice, List<InvoicePayment>> byInvoice = new LinkedHashMap<>();
			page.forEach(invoice -> byInvoice.put(invoice, found.getOrDefault(invoice.key(), List.of())));
			return byInvoice;
		});
	}

	@Override
	public String typeName() {
		return Invoice.TYPE_NAME;
	}

	@Override
	public Mono<Map<UUID, Object>> load(Viewer viewer, Collection<UUID> keys) {
		return invoices.load(viewer, keys).map(Map::<UUID, Object>copyOf);
	}

}
