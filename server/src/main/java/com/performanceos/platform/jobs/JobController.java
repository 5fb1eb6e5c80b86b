package com.performanceos.platform.jobs;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.graphql.NodeLoader;
import com.performanceos.platform.security.Viewer;

/** GraphQL edge of jobs: the {@code job} query, {@code Node} loading and the {@code jobProgress} subscription. */
@Controller
class JobController implements NodeLoader {

	/** Longest a {@code jobProgress} stream stays open, so an abandoned job cannot hold a subscription forever. */
	private static final Duration SUBSCRIPTION_MAX = Duration.ofHours(6);

	private final Jobs jobs;

	private final JsonMapper json;

	JobController(Jobs jobs, JsonMapper json) {
		this.jobs = jobs;
		this.json = json;
	}

	@QueryMapping
	Mono<Job> job(@Argument String id, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return GlobalId.decode(id, Job.TYPE_NAME)
			.map(key -> jobs.load(viewer.tenant(), List.of(key)).flatMap(found -> Mono.justOrEmpty(found.get(key))))
			.orElse(Mono.empty());
	}

	@SubscriptionMapping
	Flux<Job> jobProgress(@Argument String id, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		UUID key = GlobalId.decode(id, Job.TYPE_NAME)
			.orElseThrow(() -> new GraphQlException(ErrorCode.BAD_USER_INPUT, "Not a job id: " + id));
		// Listen before reading the current state, so no change falls between the two.
		Flux<Job> live = jobs.live(viewer.tenant(), key);
		Mono<Job> current = jobs.load(viewer.tenant(), List.of(key))
			.flatMap(found -> Mono.justOrEmpty(found.get(key)))
			.switchIfEmpty(Mono.error(() -> new GraphQlException(ErrorCode.NOT_FOUND, "No job with id " + id)));
		return Flux.merge(live, current)
			.scan(new Latest(null, false), Latest::offer)
			.filter(Latest::emit)
			.map(latest -> java.util.Objects.requireNonNull(latest.job()))
			.takeUntil(job -> job.status().finished())
			.take(SUBSCRIPTION_MAX);
	}

	@SchemaMapping(typeName = "Job", field = "result")
	@Nullable Object result(Job job) {
		return job.result() == null ? null : json.readValue(job.result(), Map.class);
	}

	@SchemaMapping(typeName = "JobProgress", field = "percent")
	@Nullable Integer percent(Job.Progress progress) {
		return progress.percent();
	}

	@Override
	public String typeName() {
		return Job.TYPE_NAME;
	}

	@Override
	public Mono<Map<UUID, Object>> load(Viewer viewer, Collection<UUID> keys) {
		return jobs.load(viewer.tenant(), keys).map(Map::<UUID, Object>copyOf);
	}

	/**
	 * The newest state seen: live events and the initial read may arrive in either order, and a
	 * state older than one already sent is dropped, so subscribers only see progress move forward.
	 */
	private record Latest(@Nullable Job job, boolean emit) {

		Latest offer(Job candidate) {
			if (job != null && (job.status().finished() || rank(candidate) < rank(job)
					|| (rank(candidate) == rank(job) && candidate.progress().done() < job.progress().done()))) {
				return new Latest(job, false);
			}
			return new Latest(candidate, true);
		}

		private static int rank(Job job) {
			return switch (job.status()) {
				case QUEUED -> 0;
				case RUNNING -> 1;
				case SUCCEEDED, FAILED, CANCELLED -> 2;
			};
		}

	}

}
