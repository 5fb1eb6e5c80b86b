package com.performanceos.ledger.dimensions;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.NodeLoader;
import com.performanceos.platform.security.Viewer;

/** Serves {@code node(id)} for dimension members. */
@Component
class DimensionMemberNodes implements NodeLoader {

	private final DimensionService dimensions;

	DimensionMemberNodes(DimensionService dimensions) {
		this.dimensions = dimensions;
	}

	@Override
	public String typeName() {
		return DimensionMember.TYPE_NAME;
	}

	@Override
	public Mono<Map<UUID, Object>> load(Viewer viewer, Collection<UUID> keys) {
		return dimensions.loadMembers(viewer, keys).map(Map::<UUID, Object>copyOf);
	}

}
