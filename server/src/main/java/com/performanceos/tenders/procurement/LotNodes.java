package com.performanceos.tenders.procurement;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.NodeLoader;
import com.performanceos.platform.security.Viewer;

/** Loads lots for {@code node(id)}: a buyer's own lots, and published lots for everyone. */
@Component
class LotNodes implements NodeLoader {

	private final TenderService tenders;

	LotNodes(TenderService tenders) {
		this.tenders = tenders;
	}

	@Override
	public String typeName() {
		return Lot.TYPE_NAME;
	}

	@Override
	public Mono<Map<UUID, Object>> load(Viewer viewer, Collection<UUID> keys) {
		return tenders.lots(viewer, keys).map(Map::<UUID, Object>copyOf);
	}

}
