package com.performanceos.tenders.bids;

import java.util.Collection;
import java.util.List;
import java.util.Map;
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
import com.performanceos.tenders.procurement.Lot;

/** GraphQL edge of a vendor's bids. */
@Controller
class BidController implements NodeLoader {

	private final BidService bids;

	BidController(BidService bids) {
		this.bids = bids;
	}

	@QueryMapping
	Mono<Connection<Bid>> myBids(@Argument @Nullable Integer first, @Argument @Nullable String after, @Argument @Nullable Integer last,
			@Argument @Nullable String before, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return bids.mine(viewer, PageRequest.of(first, after, last, before));
	}

	@MutationMapping
	Mono<SubmitBid.Payload> submitBid(@Argument SubmitBid.Input input, Caller caller) {
		return bids.submit(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<SubmitBid.Payload> withdrawBid(@Argument SubmitBid.WithdrawInput input, Caller caller) {
		return bids.withdraw(caller.viewer(), input, caller.sourceAddress());
	}

	@BatchMapping(typeName = "Bid", field = "lot")
	Mono<Map<Bid, Lot>> lot(List<Bid> list, GraphQLContext context) {
		return bids.lots(context.get(Viewer.CONTEXT_KEY), list);
	}

	@Override
	public String typeName() {
		return Bid.TYPE_NAME;
	}

	@Override
	public Mono<Map<UUID, Object>> load(Viewer viewer, Collection<UUID> keys) {
		return bids.load(viewer, keys).map(Map::<UUID, Object>copyOf);
	}

}
