package com.performanceos.rules.sales;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.imports.DealStage;
import com.performanceos.ledger.imports.SalesImportSink;
import com.performanceos.platform.graphql.Caller;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.PageRequest;

/** GraphQL edge of the imported deals and quotas (the schema's {@code deals} and {@code quotas}). */
@Controller
class SalesController {

	private final SalesStore store;

	SalesController(SalesStore store) {
		this.store = store;
	}

	@QueryMapping
	Mono<Connection<Deal>> deals(@Argument @Nullable Integer first, @Argument @Nullable String after, @Argument @Nullable Integer last,
			@Argument @Nullable String before, @Argument @Nullable DealStage stage, @Argument @Nullable LocalDate closedFrom,
			@Argument @Nullable LocalDate closedTo, Caller caller) {
		return store.dealPage(caller.viewer(), PageRequest.of(first, after, last, before), stage, closedFrom, closedTo);
	}

	@QueryMapping
	Mono<Connection<Quota>> quotas(@Argument String period, @Argument @Nullable Integer first, @Argument @Nullable String after,
			@Argument @Nullable Integer last, @Argument @Nullable String before, Caller caller) {
		return store.quotaPage(caller.viewer(), period, PageRequest.of(first, after, last, before));
	}

	@SchemaMapping(typeName = "Deal", field = "importId")
	String dealImportId(Deal deal) {
		return deal.source().lineageId(deal.importKey());
	}

	@SchemaMapping(typeName = "Quota", field = "importId")
	String quotaImportId(Quota quota) {
		return SalesImportSink.importId(quota.importKey());
	}

}
