package com.performanceos.scenarios.planning;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.NodeLoader;
import com.performanceos.platform.security.Viewer;

/** {@code node(id)} for saved versions. */
@Component
class ScenarioVersionNodes implements NodeLoader {

	private final ScenarioService scenarios;

	ScenarioVersionNodes(ScenarioService scenarios) {
		this.scenarios = scenarios;
	}

	@Override
	public String typeName() {
		return ScenarioVersion.TYPE_NAME;
	}

	@Override
	public Mono<Map<UUID, Object>> load(Viewer viewer, Collection<UUID> keys) {
		return scenarios.loadVersions(viewer, keys).map(Map::<UUID, Object>copyOf);
	}

}
