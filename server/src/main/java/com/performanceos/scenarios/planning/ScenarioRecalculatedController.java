package com.performanceos.scenarios.planning;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.bank.CashPositionChanged;
import com.performanceos.ledger.receivables.invoices.InvoiceCreated;
import com.performanceos.ledger.receivables.invoices.InvoicePaymentRecorded;
import com.performanceos.platform.events.EventCodec;
import com.performanceos.platform.events.EventStream;
import com.performanceos.platform.events.LiveEventConsumer;
import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.security.Viewer;

/**
 * The {@code scenarioRecalculated} subscription: the scenario's forecast again whenever the facts or
 * drivers it is computed from change (new bank transactions, an invoice, a payment, a driver of the
 * scenario or of an ancestor). Recalculations of one subscriber run one at a time, and the events that
 * arrive meanwhile collapse into the latest, so a bulk import costs a few recalculations, not thousands.
 */
@Controller
class ScenarioRecalculatedController implements LiveEventConsumer {

	private final ScenarioService scenarios;

	private final EventStream events;

	private final EventCodec codec;

	private final Clock clock = Clock.systemUTC();

	ScenarioRecalculatedController(ScenarioService scenarios, EventStream events, EventCodec codec) {
		this.scenarios = scenarios;
		this.events = events;
		this.codec = codec;
	}

	/** The schema's {@code ScenarioRecalculationCause}. */
	enum Cause {
		BANK_TRANSACTIONS, INVOICE_CREATED, INVOICE_PAYMENT, DRIVERS_CHANGED
	}

	/** What started a recalculation; {@code scenarioKey} names the scenario whose drivers changed. */
	private record Trigger(Cause cause, UUID eventKey, Instant occurredAt, @Nullable UUID scenarioKey) {
	}

	/** The schema's {@code ScenarioRecalculatedEvent}. */
	record Recalculated(String eventId, Cause cause, Scenario scenario, LocalDate asOf, ForecastView forecast, Instant occurredAt) {
	}

	@SubscriptionMapping
	Flux<Recalculated> scenarioRecalculated(@Argument String scenarioId, @Argument @Nullable LocalDate asOf,
			@Argument @Nullable Integer horizonDays, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		int horizon = horizonDays != null ? horizonDays : ScenarioService.HORIZON_DAYS_DEFAULT;
		if (horizon < 1 || horizon > ScenarioService.HORIZON_DAYS_MAX) {
			return Flux.error(new GraphQlException(ErrorCode.BAD_USER_INPUT, "horizonDays must be between 1 and " + ScenarioService.HORIZON_DAYS_MAX));
		}
		Optional<UUID> key = GlobalId.decode(scenarioId).filter(id -> id.type().equals(Scenario.TYPE_NAME)).map(GlobalId::key);
		if (key.isEmpty()) {
			return Flux.error(new GraphQlException(ErrorCode.NOT_FOUND, "No scenario " + scenarioId));
		}
		// The scenario must exist in the caller's tenant before anything is streamed.
		return scenarios.load(viewer, Set.of(key.get()))
			.flatMapMany(found -> found.containsKey(key.get()) ? triggers(viewer.tenant())
					: Flux.error(new GraphQlException(ErrorCode.NOT_FOUND, "No scenario " + scenarioId)))
			.onBackpressureLatest()
			.concatMap(trigger -> recalculate(viewer, key.get(), asOf, horizon, trigger), 1);
	}

	private Flux<Trigger> triggers(String tenant) {
		return Flux.merge(
				codec.received(events, tenant, CashPositionChanged.class)
					.map(received -> new Trigger(Cause.BANK_TRANSACTIONS, received.id(), received.occurredAt(), null)),
				codec.received(events, tenant, InvoiceCreated.class)
					.map(received -> new Trigger(Cause.INVOICE_CREATED, received.id(), received.occurredAt(), null)),
				codec.received(events, tenant, InvoicePaymentRecorded.class)
					.map(received -> new Trigger(Cause.INVOICE_PAYMENT, received.id(), received.occurredAt(), null)),
				codec.received(events, tenant, ScenarioDriversChanged.class)
					.map(received -> new Trigger(Cause.DRIVERS_CHANGED, received.id(), received.occurredAt(),
							GlobalId.decode(received.event().scenarioId()).map(GlobalId::key).orElse(null))));
	}

	private Mono<Recalculated> recalculate(Viewer viewer, UUID scenarioKey, @Nullable LocalDate asOf, int horizonDays, Trigger trigger) {
		LocalDate first = asOf != null ? asOf : LocalDate.now(clock);
		return scenarios.recalculate(viewer, scenarioKey, first, horizonDays)
			// Another scenario's drivers matter only when it is this one or one of its ancestors.
			.filter(done -> trigger.cause() != Cause.DRIVERS_CHANGED || done.chain().contains(trigger.scenarioKey()))
			.map(done -> new Recalculated(trigger.eventKey().toString(), trigger.cause(), done.scenario(), first, done.forecast(),
					trigger.occurredAt()))
			// A forecast the facts refuse (a currency without a rate) is skipped; the next change may mend it.
			.onErrorResume(GraphQlException.class, refused -> Mono.empty());
	}

	@Override
	public Set<Class<?>> liveEventRecords() {
		return Set.of(CashPositionChanged.class, InvoiceCreated.class, InvoicePaymentRecorded.class, ScenarioDriversChanged.class);
	}

}
