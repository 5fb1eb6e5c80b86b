package com.performanceos.ledger.receivables.escalation;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.NodeLoader;
import com.performanceos.platform.security.Viewer;

/** Resolves {@code EscalationTask} ids for {@code node(id)} and {@code nodes(ids)}. */
@Component
class EscalationTaskNodes implements NodeLoader {

	private final EscalationTaskService tasks;

	EscalationTaskNodes(EscalationTaskService tasks) {
		this.tasks = tasks;
	}

	@Override
	public String typeName() {
		return EscalationTask.TYPE_NAME;
	}

	@Override
	public Mono<Map<UUID, Object>> load(Viewer viewer, Collection<UUID> keys) {
		return tasks.load(viewer, keys).map(Map::<UUID, Object>copyOf);
	}

}
