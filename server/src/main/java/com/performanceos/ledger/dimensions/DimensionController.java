package com.performanceos.ledger.dimensions;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.Caller;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.NodeLoader;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.security.Viewer;

/** GraphQL edge of dimensions: parse, call the service, map to the payload; relations load in batches. */
@Controller
class DimensionController implements NodeLoader {

	private final DimensionService dimensions;

	DimensionController(DimensionService dimensions) {
		this.dimensions = dimensions;
	}

	@QueryMapping
	Mono<Connection<Dimension>> dimensions(@Argument @Nullable Integer first, @Argument @Nullable String after,
			@Argument @Nullable Integer last, @Argument @Nullable String before, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return dimensions.list(viewer, PageRequest.of(first, after, last, before));
	}

	/**
	 * A page of one dimension's members. One query per dimension of the enclosing page: that page
	 * holds at most 100 dimensions and the query cost counts each nested page, so it stays bounded.
	 */
	@SchemaMapping(typeName = "Dimension", field = "members")
	Mono<Connection<DimensionMember>> members(Dimension dimension, @Argument @Nullable Integer first, @Argument @Nullable String after,
			@Argument @Nullable Integer last, @Argument @Nullable String before, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return dimensions.members(viewer, dimension.key(), PageRequest.of(first, after, last, before));
	}

	@MutationMapping
	Mono<DimensionInputs.DimensionPayload> createDimension(@Argument DimensionInputs.CreateDimensionInput input, Caller caller) {
		return dimensions.createDimension(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<DimensionInputs.MemberPayload> createDimensionMember(@Argument DimensionInputs.CreateMemberInput input, Caller caller) {
		return dimensions.createMember(caller.viewer(), input, caller.sourceAddress());
	}

	@BatchMapping(typeName = "DimensionMember", field = "dimension")
	Mono<Map<DimensionMember, Dimension>> memberDimension(List<DimensionMember> members, GraphQLContext context) {
		return byKey(members, DimensionMember::dimensionKey, keys -> dimensions.loadDimensions(viewer(context), keys));
	}

	@BatchMapping(typeName = "DimensionValue", field = "dimension")
	Mono<Map<DimensionValue, Dimension>> valueDimension(List<DimensionValue> values, GraphQLContext context) {
		return byKey(values, DimensionValue::dimensionKey, keys -> dimensions.loadDimensions(viewer(context), keys));
	}

	@BatchMapping(typeName = "DimensionValue", field = "member")
	Mono<Map<DimensionValue, DimensionMember>> valueMember(List<DimensionValue> values, GraphQLContext context) {
		return byKey(values, DimensionValue::memberKey, keys -> dimensions.loadMembers(viewer(context), keys));
	}

	@Override
	public String typeName() {
		return Dimension.TYPE_NAME;
	}

	@Override
	public Mono<Map<UUID, Object>> load(Viewer viewer, Collection<UUID> keys) {
		return dimensions.loadDimensions(viewer, keys).map(Map::<UUID, Object>copyOf);
	}

	/** Loads the related objects of all sources in one call and pairs each source with its own. */
	private static <S, T> Mono<Map<S, T>> byKey(List<S> sources, Function<S, UUID> keyOf,
			Function<Set<UUID>, Mono<Map<UUID, T>>> loader) {
		Set<UUID> keys = new LinkedHashSet<>();
		sources.forEach(source -> keys.add(keyOf.apply(source)));
		return loader.apply(keys).map(found -> {
			Map<S, T> bySource = new LinkedHashMap<>();
			sources.forEach(source -> {
				T related = found.get(keyOf.apply(source));
				if (related != null) {
					bySource.put(source, related);
				}
			});
			return bySource;
		});
	}

	private static Viewer viewer(GraphQLContext context) {
		return context.get(Viewer.CONTEXT_KEY);
	}

}
