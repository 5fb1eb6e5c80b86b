package com.performanceos.platform.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cross-instance fan-out. As an outbox sink it publishes each event on one Redis topic; every
 * instance listens to that topic and hands what it hears to its own subscribers, so a subscriber
 * connected to instance A receives what instance B wrote. Pub/sub is fire-and-forget: a live
 * subscription is a view of the present, and durability stays with the outbox and PostgreSQL.
 *
 * <p>It takes only the event types some {@link LiveEventConsumer} declares: every instance parses
 * every message of the topic, and most events (a bulk posting's, several megabytes) have no
 * subscriber. Asking for an undeclared type fails at once rather than never receiving anything.
 */
@Component
final class RedisEventFanout implements OutboxSink, EventStream, LiveEvents {

	static final String SINK_NAME = "fanout";

	static final String TOPIC = "performanceos:events";

	/** The most JSON one relayed message carries, about: a batch larger than that goes out as several messages. */
	static final long MESSAGE_BYTES = 1L << 20;

	/** Events buffered per slow subscriber before the oldest are dropped for it. */
	private static final int SUBSCRIBER_BUFFER = 1_024;

	private static final Logger log = LoggerFactory.getLogger(RedisEventFanout.class);

	private final RTopic topic;

	private final JsonMapper json;

	private final Sinks.Many<DomainEvent> local = Sinks.many().multicast().directBestEffort();

	private final int listenerId;

	private final AtomicInteger subscribers = new AtomicInteger();

	/** Read when first needed: the consumers are subscription controllers, which depend on this stream. */
	private final ObjectProvider<LiveEventConsumer> consumers;

	private volatile @Nullable Set<String> liveTypes;

	RedisEventFanout(RedissonClient redisson, JsonMapper json, ObjectProvider<LiveEventConsumer> consumers) {
		this.topic = redisson.getTopic(TOPIC, StringCodec.INSTANCE);
		this.json = json;
		this.consumers = consumers;
		this.listenerId = topic.addListener(String.class, (channel, message) -> receive(message));
	}

	@Override
	public String name() {
		return SINK_NAME;
	}

	@Override
	public boolean accepts(String eventType) {
		return liveTypes().contains(eventType);
	}

	@Override
	public Mono<Void> deliver(List<DomainEvent> events) {
		// Deliveries stored before a type stopped being live are acknowledged without a message. The batch goes out as
		// few messages as its size allows, in order: one Redis round trip per message, not per event (a notice matching
		// a few hundred saved searches is that many events at once).
		List<DomainEvent> live = events.stream().filter(event -> accepts(event.type())).toList();
		return Flux.fromIterable(messages(live))
			.concatMap(message -> Mono.fromCompletionStage(topic.publishAsync(message)))
			.then();
	}

	/** The events as messages of at most {@link #MESSAGE_BYTES} (an event larger than that goes alone), in order. */
	List<String> messages(List<DomainEvent> events) {
		List<String> messages = new ArrayList<>();
		List<Map<String, String>> pending = new ArrayList<>();
		long pendingBytes = 0;
		for (DomainEvent event : events) {
			long size = event.payload().length() + 200L;
			if (!pending.isEmpty() && pendingBytes + size > MESSAGE_BYTES) {
				messages.add(json.writeValueAsString(Map.of("events", pending)));
				pending = new ArrayList<>();
				pendingBytes = 0;
			}
			pending.add(fields(event));
			pendingBytes += size;
		}
		if (!pending.isEmpty()) {
			messages.add(json.writeValueAsString(Map.of("events", pending)));
		}
		return messages;
	}

	@Override
	public Mono<Void> publishLive(DomainEvent event) {
		return Mono.fromCompletionStage(topic.publishAsync(toJson(event))).then();
	}

	@Override
	public Flux<DomainEvent> events(String tenant, String type) {
		if (!liveTypes().contains(type)) {
			return Flux.error(new IllegalStateException("No LiveEventConsumer declares the event type " + type
					+ ": it is not fanned out, so a subscription to it would never receive anything"));
		}
		return local.asFlux()
			.filter(event -> event.tenant().equals(tenant) && event.type().equals(type))
			.onBackpressureBuffer(SUBSCRIBER_BUFFER, dropped -> log.warn("Subscriber too slow; dropped event {}", dropped.id()))
			.doOnSubscribe(subscription -> subscribers.incrementAndGet())
			.doFinally(signal -> subscribers.decrementAndGet());
	}

	private Set<String> liveTypes() {
		Set<String> types = liveTypes;
		if (types == null) {
			types = consumers.orderedStream()
				.flatMap(consumer -> consumer.liveEventTypes().stream())
				.collect(Collectors.toUnmodifiableSet());
			liveTypes = types;
		}
		return types;
	}

	/** Subscriptions currently open on this instance. */
	int subscriberCount() {
		return subscribers.get();
	}

	@PreDestroy
	void stop() {
		topic.removeListener(listenerId);
		local.tryEmitComplete();
	}

	/** A message of one event (what {@link #publishLive} sends) or of several ({@code {"events": [...]}}, a relayed batch). */
	void receive(String message) {
		try {
			JsonNode node = json.readTree(message);
			JsonNode batch = node.get("events");
			List<DomainEvent> events = new ArrayList<>();
			if (batch != null && batch.isArray()) {
				batch.forEach(each -> events.add(event(each)));
			}
			else {
				events.add(event(node));
			}
			// Several Redis threads may deliver at once; the sink needs serialised emission.
			synchronized (local) {
				events.forEach(local::tryEmitNext);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Ignored a malformed fan-out message: {}", ex.toString());
		}
	}

	private static DomainEvent event(JsonNode node) {
		return new DomainEvent(UUID.fromString(node.get("id").asString()), node.get("tenant").asString(), node.get("type").asString(),
				Instant.parse(node.get("occurredAt").asString()), node.get("payload").asString());
	}

	private static Map<String, String> fields(DomainEvent event) {
		return Map.of("id", event.id().toString(), "tenant", event.tenant(), "type", event.type(), "occurredAt", event.occurredAt().toString(),
				"payload", event.payload());
	}

	private String toJson(DomainEvent event) {
		return json.writeValueAsString(fields(event));
	}

}
