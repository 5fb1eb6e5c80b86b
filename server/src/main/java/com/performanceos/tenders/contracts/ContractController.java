package com.performanceos.tenders.contracts;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.Caller;
import com.performanceos.platform.graphql.Money;
import com.performanceos.platform.graphql.NodeLoader;
import com.performanceos.platform.security.Viewer;
import com.performanceos.tenders.procurement.Lot;

/** GraphQL edge of contracts: signing, a lot's contract and contracts as nodes. */
@Controller
class ContractController implements NodeLoader {

	private final ContractService contracts;

	ContractController(ContractService contracts) {
		this.contracts = contracts;
	}

	@MutationMapping
	Mono<SignContract.Payload> signContract(@Argument SignContract.Input input, Caller caller) {
		return contracts.sign(caller.viewer(), input, caller.sourceAddress());
	}

	@BatchMapping(typeName = "Lot", field = "contract")
	Mono<Map<Lot, Contract>> contract(List<Lot> lots, GraphQLContext context) {
		return contracts.byLots(context.get(Viewer.CONTEXT_KEY), lots.stream().map(Lot::key).toList()).map(byLot -> {
			Map<Lot, Contract> result = new LinkedHashMap<>();
			lots.forEach(lot -> {
				Contract contract = byLot.get(lot.key());
				if (contract != null) {
					result.put(lot, contract);
				}
			});
			return result;
		});
	}

	@BatchMapping(typeName = "Contract", field = "lot")
	Mono<Map<Contract, Lot>> lot(List<Contract> list, GraphQLContext context) {
		return contracts.lots(context.get(Viewer.CONTEXT_KEY), list);
	}

	@SchemaMapping(typeName = "Contract", field = "amount")
	Money amount(Contract contract) {
		return contract.price();
	}

	@Override
	public String typeName() {
		return Contract.TYPE_NAME;
	}

	@Override
	public Mono<Map<UUID, Object>> load(Viewer viewer, Collection<UUID> keys) {
		return contracts.contracts(viewer, keys).map(Map::<UUID, Object>copyOf);
	}

}
