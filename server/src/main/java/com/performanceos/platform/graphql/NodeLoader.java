package com.performanceos.platform.graphql;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import com.performanceos.platform.security.Viewer;

/**
 * Loads objects of one GraphQL type by primary key for {@code node(id)} and {@code nodes(ids)}.
 * Each domain registers one bean per {@code Node} type it owns. Loading is always in the viewer's
 * tenant: an id of another tenant's object simply finds nothing.
 */
public interface NodeLoader {

	/** The GraphQL type name this loader serves. */
	String typeName();

	/** Loads the objects with the given keys that the viewer's tenant owns, keyed by primary key. */
	Mono<Map<UUID, Object>> load(Viewer viewer, Collection<UUID> keys);

}
