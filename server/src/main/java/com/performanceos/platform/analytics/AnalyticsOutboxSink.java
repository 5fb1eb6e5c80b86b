package com.performanceos.platform.analytics;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.events.DomainEvent;
import com.performanceos.platform.events.OutboxSink;
import com.performanceos.platform.events.PermanentDeliveryFailure;

/**
 * The outbox sink that appends every event to the analytics store. Attributes come from the event's JSON payload,
 * keeping only those named like an attribute column of a fact table that receives the event's type, converted to
 * that column's type. Redelivery is harmless: the store keeps one fact per event id.
 *
 * <p>A payload value that cannot become its column's type is left out (and logged) rather than refused. A value of
 * the right type that the store cannot represent (a date outside {@code Values}' range), or a payload that cannot be
 * read, fails with {@link PermanentDeliveryFailure}: the relay parks that event and delivers the rest of its batch.
 * Everything else (the engine down, a timeout, a refusal by the server) is transient and retried with backoff.
 */
@Component
final class AnalyticsOutboxSink implements OutboxSink {

	static final String SINK_NAME = "analytics";

	private static final Logger log = LoggerFactory.getLogger(AnalyticsOutboxSink.class);

	private static final Set<String> KEY_COLUMNS = FactTable.KEY_COLUMNS.stream()
		.map(FactTable.Column::name)
		.collect(Collectors.toUnmodifiableSet());

	private final AnalyticsStore store;

	private final AnalyticsCatalog catalog;

	private final JsonMapper json;

	/** Attribute columns by event type, computed once per type. */
	private final Map<String, Map<String, ColumnType>> columnsByType = new ConcurrentHashMap<>();

	private final List<AnalyticsProjection> projections;

	private final AnalyticsVersions versions;

	AnalyticsOutboxSink(AnalyticsStore store, ObjectProvider<CubeDefinition> cubes, ObjectProvider<AnalyticsProjection> projections,
			AnalyticsVersions versions, JsonMapper json) {
		this.store = store;
		this.versions = versions;
		this.catalog = new AnalyticsCatalog(cubes.orderedStream().toList());
		this.projections = projections.orderedStream().toList();
		this.json = json;
	}

	@Override
	public String name() {
		return SINK_NAME;
	}

	@Override
	public Mono<Void> deliver(List<DomainEvent> events) {
		// The store's clients block; they must not run on the relay's or the driver's threads.
		return Mono.fromRunnable(() -> {
			try {
				appendInChunks(events);
			}
			catch (IllegalArgumentException | DateTimeException | ArithmeticException | JacksonException ex) {
				// What the data holds, not the store's state: a value outside what both engines represent (a date
				// outside 1970-2100, a decimal beyond Decimal(38, 6)), a payload that is not JSON, a projection that
				// cannot read its event. Retrying cannot help; the relay parks the event that causes it.
				throw new PermanentDeliveryFailure("The analytics store cannot take this event: " + ex.getMessage(), ex);
			}
			versions.bump(events.stream().map(DomainEvent::tenant).distinct().toList());
		})
			.subscribeOn(Schedulers.boundedElastic())
			.then();
	}

	/**
	 * Projects the batch event by event and appends each time a chunk is full, so memory holds one
	 * event's facts and one chunk whatever the batch: a relay batch of 500 import-chunk events projects
	 * to 500,000 line facts, which filled a 512 MB heap when they were gathered first. Appends are
	 * idempotent, so a failure part-way is simply retried whole.
	 */
	private void appendInChunks(List<DomainEvent> events) {
		List<AnalyticsEvent> chunk = new ArrayList<>();
		for (DomainEvent event : events) {
			for (AnalyticsEvent fact : facts(event)) {
				chunk.add(fact);
				if (chunk.size() == AnalyticsStore.MAX_APPEND_EVENTS) {
					store.append(chunk);
					chunk = new ArrayList<>();
				}
			}
		}
		if (!chunk.isEmpty()) {
			store.append(chunk);
		}
	}

	/** The event itself, plus the facts a projection derives from it. */
	private List<AnalyticsEvent> facts(DomainEvent event) {
		for (AnalyticsProjection projection : projections) {
			if (projection.handles(event.type())) {
				List<AnalyticsEvent> facts = new ArrayList<>(projection.project(event));
				facts.add(0, toAnalyticsEvent(event));
				return facts;
			}
		}
		return List.of(toAnalyticsEvent(event));
	}

	AnalyticsEvent toAnalyticsEvent(DomainEvent event) {
		Map<String, ColumnType> columns = columnsByType.computeIfAbsent(event.type(), this::attributeColumns);
		Map<String, Object> attributes = new HashMap<>();
		if (!columns.isEmpty()) {
			JsonNode payload = json.readTree(event.payload());
			columns.forEach((column, type) -> {
				JsonNode value = payload.get(column);
				if (value != null && !value.isNull()) {
					Object converted = convert(value, type);
					if (converted != null) {
						attributes.put(column, converted);
					}
					else {
						log.warn("Event {} ({}): attribute '{}' is not a {}; stored without it", event.id(),
								event.type(), column, type);
					}
				}
			});
		}
		return new AnalyticsEvent(event.id(), event.tenant(), event.type(), event.occurredAt(), attributes);
	}

	/** The attribute columns of every fact table receiving {@code type}; the first table declaring a name wins. */
	private Map<String, ColumnType> attributeColumns(String type) {
		Map<String, ColumnType> columns = new LinkedHashMap<>();
		for (FactTable table : catalog.factTables()) {
			if (table.receives(type)) {
				for (FactTable.Column column : table.columns()) {
					if (!KEY_COLUMNS.contains(column.name())) {
						columns.putIfAbsent(column.name(), column.type());
					}
				}
			}
		}
		return Map.copyOf(columns);
	}

	private static @Nullable Object convert(JsonNode value, ColumnType type) {
		try {
			return switch (type) {
				case STRING -> value.isValueNode() ? value.asString() : null;
				case DECIMAL -> value.isNumber() ? value.decimalValue() : value.isString() ? new BigDecimal(value.asString()) : null;
				case LONG -> value.isIntegralNumber() && value.canConvertToLong() ? Long.valueOf(value.longValue())
						: value.isString() ? Long.valueOf(value.asString()) : null;
				case DATE -> value.isString() ? LocalDate.parse(value.asString()) : null;
				case TIMESTAMP -> value.isString() ? Instant.parse(value.asString()) : null;
			};
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
