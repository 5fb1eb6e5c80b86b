package com.performanceos.platform.events;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.Caller;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.NodeLoader;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.security.Viewer;

/** GraphQL edge of parked outbox events: listing, {@code node(id)} loading and replay. */
@Controller
class ParkedEventController implements NodeLoader {

	private final ParkedEvents parkedEvents;

	ParkedEventController(ParkedEvents parkedEvents) {
		this.parkedEvents = parkedEvents;
	}

	@QueryMapping
	Mono<Connection<ParkedEvent>> parkedEvents(@Argument @Nullable Integer first, @Argument @Nullable String after,
			@Argument @Nullable Integer last, @Argument @Nullable String before, @Argument @Nullable Boolean includeReplayed,
			@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return parkedEvents.list(viewer.tenant(), PageRequest.of(first, after, last, before),
				Boolean.TRUE.equals(includeReplayed));
	}

	@MutationMapping
	Mono<ReplayPayload> replayParkedEvent(@Argument ReplayInput input, Caller caller) {
		// Another tenant's id, an id of another type and an unknown one answer alike: nothing tells them apart.
		return GlobalId.decode(input.id(), ParkedEvent.TYPE_NAME)
			.map(key -> parkedEvents.replay(caller.viewer(), key, caller.sourceAddress()).map(ReplayPayload::of))
			.orElseGet(Mono::empty)
			.defaultIfEmpty(ReplayPayload.NOT_FOUND);
	}

	@SchemaMapping(typeName = ParkedEvent.TYPE_NAME)
	String id(ParkedEvent parked) {
		return parked.id();
	}

	@SchemaMapping(typeName = ParkedEvent.TYPE_NAME)
	String eventId(ParkedEvent parked) {
		return parked.eventId().toString();
	}

	@Override
	public String typeName() {
		return ParkedEvent.TYPE_NAME;
	}

	@Override
	public Mono<Map<UUID, Object>> load(Viewer viewer, Collection<UUID> keys) {
		return parkedEvents.load(viewer.tenant(), keys).map(Map::<UUID, Object>copyOf);
	}

	/** The schema's {@code ReplayParkedEventInput}. */
	record ReplayInput(String id) {
	}

	/** The schema's {@code ReplayParkedEventPayload}. */
	record ReplayPayload(@Nullable ParkedEvent parkedEvent, List<ParkedEventError> userErrors) {

		static final ReplayPayload NOT_FOUND = new ReplayPayload(null, List.of(new ParkedEventError(
				ParkedEventError.Code.PARKED_EVENT_NOT_FOUND, "No parked event with this id in the tenant", List.of("input", "id"))));

		static ReplayPayload of(ParkedEvent parked) {
			return new ReplayPayload(parked, List.of());
		}

	}

	/** The schema's {@code ParkedEventError}. */
	record ParkedEventError(Code code, String message, @Nullable List<String> field) {

		/** The schema's {@code ParkedEventErrorCode}. */
		enum Code {

			PARKED_EVENT_NOT_FOUND

		}

	}

}
