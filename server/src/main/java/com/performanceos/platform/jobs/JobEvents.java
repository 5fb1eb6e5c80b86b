package com.performanceos.platform.jobs;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.events.EventCodec;
import com.performanceos.platform.events.EventStream;
import com.performanceos.platform.events.LiveEventConsumer;
import com.performanceos.platform.events.LiveEvents;

/**
 * A job's state changes as live events on the cross-instance fan-out. Each event carries the whole
 * job, so a subscriber on any instance renders it without reading PostgreSQL; the final state is
 * written to PostgreSQL before its event is sent.
 */
@Component
class JobEvents implements LiveEventConsumer {

	private final LiveEvents live;

	private final EventStream stream;

	private final EventCodec codec;

	JobEvents(LiveEvents live, EventStream stream, EventCodec codec) {
		this.live = live;
		this.stream = stream;
		this.codec = codec;
	}

	Mono<Void> publish(String tenant, Job job) {
		return live.publishLive(codec.encode(tenant, Instant.now(), JobProgressed.of(job)));
	}

	/** The states of one job as they are published, from now on. */
	Flux<Job> of(String tenant, UUID key) {
		return codec.received(stream, tenant, JobProgressed.class)
			.map(received -> received.event().job())
			.filter(job -> job.key().equals(key));
	}

	@Override
	public Set<Class<?>> liveEventRecords() {
		return Set.of(JobProgressed.class);
	}

}
