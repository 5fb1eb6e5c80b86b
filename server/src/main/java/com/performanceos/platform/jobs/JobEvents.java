package com.performanceos.platform.jobs;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.events.DomainEvent;
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

	static final String PROGRESSED = "platform.JobProgressed";

	private final LiveEvents live;

	private final EventStream stream;

	private final JsonMapper json;

	JobEvents(LiveEvents live, EventStream stream, JsonMapper json) {
		this.live = live;
		this.stream = stream;
		this.json = json;
	}

	Mono<Void> publish(String tenant, Job job) {
		return live.publishLive(new DomainEvent(UUID.randomUUID(), tenant, PROGRESSED, Instant.now(), json.writeValueAsString(image(job))));
	}

	/** The states of one job as they are published, from now on. */
	Flux<Job> of(String tenant, UUID key) {
		return stream.events(tenant, PROGRESSED).map(event -> fromImage(json.readTree(event.payload()))).filter(job -> job.key().equals(key));
	}

	@Override
	public Set<String> liveEventTypes() {
		return Set.of(PROGRESSED);
	}

	private static Map<String, Object> image(Job job) {
		Map<String, Object> image = new LinkedHashMap<>();
		image.put("key", job.key().toString());
		image.put("kind", job.kind());
		image.put("status", job.status().name());
		image.put("done", job.progress().done());
		image.put("total", job.progress().total());
		image.put("createdAt", job.createdAt().toString());
		image.put("startedAt", job.startedAt() == null ? null : job.startedAt().toString());
		image.put("finishedAt", job.finishedAt() == null ? null : job.finishedAt().toString());
		image.put("result", job.result());
		image.put("error", job.error());
		return image;
	}

	private static Job fromImage(JsonNode image) {
		return new Job(UUID.fromString(image.get("key").asString()), image.get("kind").asString(),
				JobStatus.valueOf(image.get("status").asString()),
				new Job.Progress(image.get("done").asLong(), image.get("total").isNull() ? null : image.get("total").asLong()),
				Instant.parse(image.get("createdAt").asString()), instant(image.get("startedAt")), instant(image.get("finishedAt")),
				text(image.get("result")), text(image.get("error")));
	}

	private static @Nullable Instant instant(@Nullable JsonNode value) {
		return value == null || value.isNull() ? null : Instant.parse(value.asString());
	}

	private static @Nullable String text(@Nullable JsonNode value) {
		return value == null || value.isNull() ? null : value.asString();
	}

}
