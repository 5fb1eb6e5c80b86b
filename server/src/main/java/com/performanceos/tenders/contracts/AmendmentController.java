package com.performanceos.tenders.contracts;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.Caller;
import com.performanceos.platform.graphql.Money;

/** GraphQL edge of contract amendments: recording one, and a contract's amendments and facts in force. */
@Controller
class AmendmentController {

	private final AmendmentService amendments;

	AmendmentController(AmendmentService amendments) {
		this.amendments = amendments;
	}

	@MutationMapping
	Mono<AmendContract.Payload> amendContract(@Argument AmendContract.Input input, Caller caller) {
		return amendments.amend(caller.viewer(), input, caller.sourceAddress());
	}

	@SchemaMapping(typeName = "Contract", field = "amendments")
	List<Amendment> amendments(Contract contract) {
		return contract.amendments();
	}

	@SchemaMapping(typeName = "Contract", field = "currentAmount")
	Money currentAmount(Contract contract) {
		return new Money(contract.currentAmount(), contract.price().currency());
	}

	@SchemaMapping(typeName = "Contract", field = "currentDurationMonths")
	int currentDurationMonths(Contract contract) {
		return contract.currentDurationMonths();
	}

	@SchemaMapping(typeName = "Contract", field = "currentHolderSirets")
	List<String> currentHolderSirets(Contract contract) {
		return contract.currentHolderSirets();
	}

	@SchemaMapping(typeName = "ContractAmendment", field = "amount")
	@Nullable Money amount(Amendment amendment) {
		return amendment.newAmount();
	}

}
