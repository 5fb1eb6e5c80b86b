package com.performanceos.tenders.procurement;

import java.time.LocalDate;
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

import com.performanceos.platform.graphql.BatchMaps;
import com.performanceos.platform.graphql.Caller;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.NodeLoader;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.security.Viewer;

/** GraphQL edge of tenders and lots: parse, call the service, map to the payload. */
@Controller
class TenderController implements NodeLoader {

	private final TenderService tenders;

	TenderController(TenderService tenders) {
		this.tenders = tenders;
	}

	@QueryMapping
	Mono<Connection<Tender>> tenders(@Argument @Nullable Integer first, @Argument @Nullable String after,
			@Argument @Nullable Integer last, @Argument @Nullable String before, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return tenders.list(viewer, PageRequest.of(first, after, last, before));
	}

	@QueryMapping
	Mono<ComplianceReport> complianceReport(@Argument String tenderId, @Argument @Nullable LocalDate publicationDate,
			@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return tenders.complianceReport(viewer, tenderId, publicationDate);
	}

	@MutationMapping
	Mono<CreateTender.Payload> createTender(@Argument CreateTender.Input input, Caller caller) {
		return tenders.create(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<PublishTender.Payload> publishTender(@Argument PublishTender.Input input, Caller caller) {
		return tenders.publish(caller.viewer(), input, caller.sourceAddress());
	}

	@BatchMapping(typeName = "Tender", field = "lots")
	Mono<Map<Tender, List<Lot>>> lots(List<Tender> list, GraphQLContext context) {
		return BatchMaps.toMany(list, Tender::key, keys -> tenders.lotsOf(viewer(context), keys));
	}

	@BatchMapping(typeName = "Lot", field = "tender")
	Mono<Map<Lot, Tender>> tender(List<Lot> lots, GraphQLContext context) {
		return BatchMaps.toOne(lots, Lot::tenderKey, keys -> tenders.tenders(viewer(context), keys));
	}

	@BatchMapping(typeName = "Lot", field = "awardCriteria")
	Mono<Map<Lot, List<AwardCriterion>>> awardCriteria(List<Lot> lots, GraphQLContext context) {
		return BatchMaps.toMany(lots, Lot::key, keys -> tenders.criteriaOf(viewer(context), keys));
	}

	@Override
	public String typeName() {
		return Tender.TYPE_NAME;
	}

	@Override
	public Mono<Map<UUID, Object>> load(Viewer viewer, Collection<UUID> keys) {
		return tenders.tenders(viewer, keys).map(Map::<UUID, Object>copyOf);
	}

	private static Viewer viewer(GraphQLContext context) {
		return context.get(Viewer.CONTEXT_KEY);
	}

}
