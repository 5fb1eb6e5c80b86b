package com.performanceos.tenders.organisations;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.Caller;
import com.performanceos.platform.graphql.NodeLoader;
import com.performanceos.platform.security.Viewer;

/** GraphQL edge of organisations. */
@Controller
class OrganisationController implements NodeLoader {

	private final OrganisationService organisations;

	OrganisationController(OrganisationService organisations) {
		this.organisations = organisations;
	}

	@QueryMapping
	Mono<Organisation> organisation(@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return organisations.current(viewer).flatMap(Mono::justOrEmpty);
	}

	@MutationMapping
	Mono<RegisterOrganisation.Payload> registerOrganisation(@Argument RegisterOrganisation.Input input,
			Caller caller) {
		return organisations.register(caller.viewer(), input, caller.sourceAddress());
	}

	@Override
	public String typeName() {
		return Organisation.TYPE_NAME;
	}

	@Override
	public Mono<Map<UUID, Object>> load(Viewer viewer, Collection<UUID> keys) {
		return organisations.load(viewer, keys).map(Map::<UUID, Object>copyOf);
	}

}
