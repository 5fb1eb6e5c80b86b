package com.performanceos.scenarios.dunning;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

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
import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.security.Viewer;

/** GraphQL edge of dunning. */
@Controller
class DunningController {

	private final DunningService dunning;

	DunningController(DunningService dunning) {
		this.dunning = dunning;
	}

	@QueryMapping
	Mono<List<DunningCadence>> dunningCadences(@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return dunning.cadences(viewer);
	}

	@QueryMapping
	Mono<List<DunningContact>> dunningContacts(@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return dunning.contacts(viewer);
	}

	@QueryMapping
	Mono<Connection<DunningMessage>> dunningMessages(@Argument @Nullable String invoiceNumber, @Argument @Nullable Integer first,
			@Argument @Nullable String after, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return dunning.messages(viewer, invoiceNumber, sequencePage(first, after, "dunningMessages"));
	}

	@QueryMapping
	Mono<DunningDso> dunningDso(@Argument String segment, @Argument Currency currency, @Argument LocalDate asOf,
			@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return dunning.dso(viewer, segment, currency, asOf);
	}

	@QueryMapping
	Mono<DunningWebhook> dunningWebhook(@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return dunning.webhook(viewer).flatMap(Mono::justOrEmpty);
	}

	@QueryMapping
	Mono<Connection<DunningPush>> dunningPushes(@Argument @Nullable DunningPushStatus status, @Argument @Nullable Integer first,
			@Argument @Nullable String after, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return dunning.pushes(viewer, status, sequencePage(first, after, "dunningPushes"));
	}

	/** A forward page over a sequence number: the cursor is the last sequence seen, anything else is refused. */
	private static PageRequest sequencePage(@Nullable Integer first, @Nullable String after, String field) {
		PageRequest request = PageRequest.of(first, after, null, null);
		if (request.cursorKey() != null && !request.cursorKey().matches("\\d{1,18}")) {
			throw new GraphQlException(ErrorCode.BAD_USER_INPUT, "Not a cursor of " + field);
		}
		return request;
	}

	/** The number itself: {@link PhoneNumber#toString()} masks it. */
	@SchemaMapping(typeName = "DunningContact")
	@Nullable String phone(DunningContact contact) {
		return contact.phone() == null ? null : contact.phone().value();
	}

	@MutationMapping
	Mono<SetDunningCadence.Payload> setDunningCadence(@Argument SetDunningCadence.Input input, Caller caller) {
		return dunning.setCadence(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<SetDunningContact.Payload> setDunningContact(@Argument SetDunningContact.Input input, Caller caller) {
		return dunning.setContact(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<SetDunningWebhook.Payload> setDunningWebhook(@Argument SetDunningWebhook.Input input, Caller caller) {
		return dunning.setWebhook(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<RemoveDunningWebhook.Payload> removeDunningWebhook(@Argument RemoveDunningWebhook.Input input, Caller caller) {
		return dunning.removeWebhook(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<DeliverDunningPushes.Payload> deliverDunningPushes(@Argument DeliverDunningPushes.Input input, Caller caller) {
		return dunning.deliverPushes(caller.viewer(), input);
	}

	@MutationMapping
	Mono<RunDunning.Payload> runDunning(@Argument RunDunning.Input input, Caller caller) {
		return dunning.run(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<StopDunning.Payload> stopDunning(@Argument StopDunning.Input input, Caller caller) {
		return dunning.stop(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<RecordDunningBounce.Payload> recordDunningBounce(@Argument RecordDunningBounce.Input input, Caller caller) {
		return dunning.bounce(caller.viewer(), input, caller.sourceAddress());
	}

}
