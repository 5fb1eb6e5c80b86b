package com.performanceos.ledger.bank;

import java.time.LocalDate;
import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.platform.security.Viewer;

/** GraphQL edge of the cash cockpit queries. */
@Controller
class CashController {

	private final CashService cash;

	CashController(CashService cash) {
		this.cash = cash;
	}

	@QueryMapping
	Mono<CashService.Position> cashPosition(@Argument LocalDate asOf, @Argument List<CashService.Grouping> groupBy,
			@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return cash.position(viewer, asOf, groupBy);
	}

	@QueryMapping
	Mono<List<CashService.Bucket>> cashFlows(@Argument LocalDate from, @Argument LocalDate to, @Argument CashService.Grain grain,
			@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return cash.flows(viewer, from, to, grain);
	}

}
