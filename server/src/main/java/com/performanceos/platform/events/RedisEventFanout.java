package com.performanceos.platform.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 */
@Component
final class RedisEventFanout implements OutboxSink, EventStream, LiveEvents {

	static final String SINK_NAME = "fanout";

	static final String TOPIC = "performanceos:events";

	/** Events buffered per slow subscriber before the oldest are dropped for it. */
	private static final int SUBSCRIBER_BUFFER = 1_024;

	private static final Logger log = LoggerFactory.getLogger(RedisEventFanout.class);

	private final RTopic topic;

	private final JsonMapper json;

	private final Sinks.Many<DomainEvent> local = Sinks.many().multicast().directBestEffort();

	private final int listenerId;

	private final AtomicInteger subscribers = new AtomicInteger();

	RedisEventFanout(RedissonClient redisson, JsonMapper json) {
		this.topic = redisson.getTopic(TOPIC, StringCodec.INSTANCE);
		this.json = json;
		this.listenerId = topic.addListener(String.class, (channel, message) -> receive(message));
	}

	@Override
	public String name() {
		return SINK_NAME;
	}

	@Override
	public Mono<Void> deliver(List<DomainEvent> events) {
		return Flux.fromIterable(events).concatMap(event -> Mono.fromCompletionStage(topic.publishAsync(toJson(event)))).then();
	}

	@Override
	public Mono<Void> publishLive(DomainEvent event) {
		return Mono.fromCompletionStage(topic.publishAsync(toJson(event))).then();
	}

	@Override
	public Flux<DomainEvent> events(String tenant, String type) {
		return local.asFlux()
			.filter(event -> event.tenant().equals(tenant) && event.type().equals(type))
			.onBackpressureBuffer(SUBSCRIBER_BUFFER, dropped -> log.warn("Subscriber too slow; dropped event {}", dropped.id()))
			.doOnSubscribe(subscription -> subscribers.incrementAndGet())
			.doFinally(signal -> subscribers.decrementAndGet());
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

	private void receive(String message) {
		try {
			JsonNode node = json.readTree(message);
			DomainEvent event = new DomainEvent(UUID.fromString(node.get("id").asString()), node.get("tenant").asString(),
					node.get("type").asString(), Instant.parse(node.get("occurredAt").asString()),
					node.get("payload").asString());
			// Several Redis threads may deliver at once; the sink needs serialised emission.
			synchronized (local) {
				local.tryEmitNext(event);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Ignored a malformed fan-out message: {}", ex.toString());
		}
	}

	private String toJson(DomainEvent event) {
		return json.writeValueAsString(java.util.Map.of("id", event.id().toString(), "tenant", event.tenant(), "type",
				event.type(), "occurredAt", event.occurredAt().toString(), "payload", event.payload()));
	}

}
