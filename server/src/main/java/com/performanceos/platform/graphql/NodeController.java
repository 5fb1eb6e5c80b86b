package com.performanceos.platform.graphql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.security.SchemaAccessRules;
import com.performanceos.platform.security.Viewer;

/**
 * {@code node(id)} and {@code nodes(ids)}: decode, group by type, one batched load per type.
 * Unknown, malformed and other tenants' ids all answer null, so an id reveals nothing about
 * whether it exists elsewhere.
 */
@Controller
class NodeController {

	static final int MAX_IDS = 100;

	private final Map<String, NodeLoader> loaders;

	private final SchemaAccessRules accessRules;

	NodeController(List<NodeLoader> loaders, SchemaAccessRules accessRules) {
		this.loaders = loaders.stream().collect(Collectors.toUnmodifiableMap(NodeLoader::typeName, Function.identity()));
		this.accessRules = accessRules;
	}

	@QueryMapping
	Mono<Object> node(@Argument String id, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return nodes(List.of(id), viewer).flatMap(found -> Mono.justOrEmpty(found.get(0)));
	}

	@QueryMapping
	Mono<List<Object>> nodes(@Argument List<String> ids, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		if (ids.size() > MAX_IDS) {
			return Mono.error(new GraphQlException(ErrorCode.BAD_USER_INPUT,
					"nodes(ids:) accepts at most " + MAX_IDS + " ids, got " + ids.size()));
		}
		List<Optional<GlobalId>> decoded = ids.stream().map(GlobalId::decode).toList();
		Map<String, Set<UUID>> keysByType = new LinkedHashMap<>();
		for (Optional<GlobalId> id : decoded) {
			id.filter(known -> loaders.containsKey(known.type()))
				.ifPresent(known -> keysByType.computeIfAbsent(known.type(), type -> new LinkedHashSet<>()).add(known.key()));
		}
		for (String type : keysByType.keySet()) {
			if (!accessRules.canRead(viewer, type)) {
				return Mono.error(new GraphQlException(ErrorCode.FORBIDDEN, "Your roles do not allow reading " + type));
			}
		}
		return Flux.fromIterable(keysByType.entrySet())
			.flatMap(entry -> load(viewer, entry.getKey(), entry.getValue()))
			.collectList()
			.map(loaded -> {
				Map<GlobalId, Object> byId = new HashMap<>();
				loaded.forEach(byId::putAll);
				List<Object> ordered = new ArrayList<>(ids.size());
				for (Optional<GlobalId> id : decoded) {
					ordered.add(id.map(byId::get).orElse(null));
				}
				return ordered;
			});
	}

	private Mono<Map<GlobalId, Object>> load(Viewer viewer, String type, Collection<UUID> keys) {
		return loaders.get(type).load(viewer, keys).map(found -> {
			Map<GlobalId, Object> byId = new HashMap<>();
			found.forEach((key, value) -> byId.put(new GlobalId(type, key), value));
			return byId;
		});
	}

}
