package com.performanceos.rules.sales;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.Caller;

/** GraphQL edge of reps, their hierarchy, credit splits and cancellations. */
@Controller
class SalesTeamController {

	private final SalesTeamService service;

	SalesTeamController(SalesTeamService service) {
		this.service = service;
	}

	@MutationMapping
	Mono<RecordSalesReps.Payload> recordSalesReps(@Argument RecordSalesReps.Input input, Caller caller) {
		return service.recordReps(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<SetDealCredits.Payload> setDealCredits(@Argument SetDealCredits.Input input, Caller caller) {
		return service.setCredits(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<CancelDeal.Payload> cancelDeal(@Argument CancelDeal.Input input, Caller caller) {
		return service.cancel(caller.viewer(), input, caller.sourceAddress());
	}

	@SchemaMapping(typeName = "DealCreditShare", field = "sharePercent")
	java.math.BigDecimal sharePercent(DealCredits.Share share) {
		return share.sharePercent();
	}

}
