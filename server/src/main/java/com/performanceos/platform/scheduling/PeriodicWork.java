package com.performanceos.platform.scheduling;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Work that runs every interval on every instance, on a thread of its own: a tick that arrives while the previous pass
 * is still running is dropped, and a failed pass is logged and retried by the next one, so one bad pass never stops
 * the schedule. A subclass says, when the application starts, whether the work is on and what one pass does
 * ({@link #schedule()}); instances that run the same work at once must be kept from duplicating it by the work itself
 * (claims, leases, {@code FOR UPDATE SKIP LOCKED}).
 */
public abstract class PeriodicWork implements SmartLifecycle {

	private final Logger log = LoggerFactory.getLogger(getClass());

	private final String name;

	private Disposable ticks = Disposables.disposed();

	private Scheduler scheduler = Schedulers.immediate();

	private volatile boolean running;

	/** @param name the work's name, for its thread and its log lines, e.g. {@code dunning-schedule} */
	protected PeriodicWork(String name) {
		this.name = name;
	}

	/** How often, and what one pass does. */
	public record Schedule(Duration interval, Supplier<Mono<?>> pass) {
	}

	/** Asked once at start: the schedule, or empty when a setting keeps the work off. */
	protected abstract Optional<Schedule> schedule();

	@Override
	public final synchronized void start() {
		if (running) {
			return;
		}
		Optional<Schedule> schedule = schedule();
		if (schedule.isEmpty()) {
			return;
		}
		Duration interval = schedule.get().interval();
		Supplier<Mono<?>> pass = schedule.get().pass();
		scheduler = Schedulers.newSingle(name);
		ticks = Flux.interval(interval, interval, scheduler)
			.onBackpressureDrop()
			.concatMap(tick -> Mono.defer(() -> pass.get().then()).onErrorResume(error -> {
				log.warn("A {} pass failed; the next pass retries: {}", name, error.toString());
				return Mono.empty();
			}), 1)
			.subscribe();
		running = true;
	}

	@Override
	public final synchronized void stop() {
		ticks.dispose();
		scheduler.dispose();
		running = false;
	}

	@Override
	public final boolean isRunning() {
		return running;
	}

	/**
	 * Runs {@code work} for each tenant in turn, answering what each answered (nothing for a tenant that failed): one
	 * tenant's failure is logged and the others go on; the next pass retries it.
	 */
	protected final <T> Flux<T> forEachTenant(Flux<String> tenants, Function<String, Mono<T>> work) {
		return tenants.concatMap(tenant -> work.apply(tenant).onErrorResume(error -> {
			log.warn("A {} pass failed for tenant {}; the next pass retries: {}", name, tenant, error.toString());
			return Mono.empty();
		}));
	}

}
