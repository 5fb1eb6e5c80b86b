package com.performanceos.platform.ai;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.ratelimiter.operator.RateLimiterOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * Every call to the model goes through here: AI off unless configured and unless the tenant's module is on; the
 * tenant's monthly budget checked before and its usage recorded after; then the provider behind a bulkhead, a rate
 * limiter, a timeout, a circuit breaker and retries with backoff. Nothing waits longer than the timeout (times the
 * attempts) for an answer, and nothing waits at all while the breaker is open: the caller gets
 * {@link AiResult.Unavailable} and queues the request.
 */
public final class AiClient {

	private static final Logger log = LoggerFactory.getLogger(AiClient.class);

	private final @Nullable ChatProvider provider;

	private final AiProperties settings;

	private final TenantDatabase database;

	private final AiLedger ledger;

	private final AiAlerts alerts;

	private final AiModels models;

	private final CircuitBreaker breaker;

	private final RateLimiter rateLimiter;

	private final Bulkhead bulkhead;

	AiClient(@Nullable ChatProvider provider, AiProperties settings, TenantDatabase database, AiLedger ledger, AiAlerts alerts,
			AiModels models) {
		this.provider = provider;
		this.models = models;
		this.settings = settings;
		this.database = database;
		this.ledger = ledger;
		this.alerts = alerts;
		AiProperties.Breaker breakerSettings = settings.breaker();
		this.breaker = CircuitBreaker.of("ai", CircuitBreakerConfig.custom()
			.failureRateThreshold(breakerSettings.failureRatePercent())
			.slidingWindowSize(breakerSettings.window())
			.minimumNumberOfCalls(breakerSettings.minimumCalls())
			.waitDurationInOpenState(breakerSettings.openDuration())
			.permittedNumberOfCallsInHalfOpenState(1)
			.automaticTransitionFromOpenToHalfOpenEnabled(false)
			.build());
		// Neither waits: a caller over the limit is queued at once rather than held.
		this.rateLimiter = RateLimiter.of("ai", RateLimiterConfig.custom().limitForPeriod(settings.requestsPerSecond())
			.limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ZERO).build());
		this.bulkhead = Bulkhead.of("ai", BulkheadConfig.custom().maxConcurrentCalls(settings.concurrentCallsMax())
			.maxWaitDuration(Duration.ZERO).build());
	}

	/** Whether a provider is configured for this deployment. */
	public boolean configured() {
		return provider != null;
	}

	/** The model this deployment asks, tagged on every AI-originated version. */
	public String model() {
		return settings.model();
	}

	/**
	 * Asks the model for {@code tenant}'s {@code module}. Answers {@link AiResult.Disabled} when AI is off,
	 * {@link AiResult.Blocked} past the budget's block threshold, {@link AiResult.Unavailable} when the provider did
	 * not answer, else {@link AiResult.Answered} with the usage recorded (and a crossed threshold announced).
	 */
	public Mono<AiResult> ask(String tenant, AiModule module, AiPrompt prompt) {
		return ask(tenant, module, prompt, null);
	}

	/**
	 * Asks {@code model} instead of the tenant's certified one (the regression replay of a model switch); otherwise as
	 * {@link #ask(String, AiModule, AiPrompt)}.
	 */
	public Mono<AiResult> ask(String tenant, AiModule module, AiPrompt prompt, @Nullable String model) {
		ChatProvider chat = provider;
		if (chat == null) {
			return Mono.just(new AiResult.Disabled("AI disabled: no AI provider is configured for this server"));
		}
		return database.run(tenant, tx -> admission(tx, module).map(Admission::refused)
				.switchIfEmpty(Mono.defer(() -> models.of(tx).map(found -> Admission.allowed(model != null ? model : found.active())))))
			.flatMap(admission -> admission.refusal() != null ? Mono.just(admission.refusal())
					: call(chat, prompt, java.util.Objects.requireNonNull(admission.model()))
						.flatMap(answer -> database.run(tenant, tx -> account(tx, module, answer))
							.doOnNext(crossed -> announce(tenant, crossed))
							.thenReturn((AiResult) new AiResult.Answered(answer)))
						.onErrorResume(ProviderUnavailable.class, ex -> Mono.just(new AiResult.Unavailable(ex.getMessage()))));
	}

	/** Whether a tenant may ask now, and which model. */
	record Admission(@Nullable AiResult refusal, @Nullable String model) {

		static Admission refused(AiResult refusal) {
			return new Admission(refusal, null);
		}

		static Admission allowed(String model) {
			return new Admission(null, model);
		}

	}

	/** Why the tenant may not ask now (module off, budget blocked), or empty when it may. */
	Mono<AiResult> admission(TenantTransaction tx, AiModule module) {
		return ledger.moduleEnabled(tx, module).flatMap(enabled -> {
			if (!enabled) {
				return Mono.just(new AiResult.Disabled("AI disabled: the tenant switched AI off for " + module));
			}
			LocalDate month = AiLedger.monthOf(Instant.now());
			return ledger.budget(tx).flatMap(budget -> ledger.tokensUsed(tx, month).flatMap(used -> "BLOCK".equals(AiLedger.level(used, budget, settings))
					? Mono.just(new AiResult.Blocked("AI budget exceeded: " + used + " tokens used this month, " + budget
							+ " budgeted; calls are blocked above +" + settings.budgetBlockPercent() + " %"))
					: Mono.empty()));
		});
	}

	/** A budget threshold crossed for the first time this month, to post once its transaction committed. */
	record Crossed(String level, long used, long budget) {
	}

	/** Records the answer's tokens and audits the budget thresholds it crosses for the first time this month. */
	Mono<List<Crossed>> account(TenantTransaction tx, AiModule module, AiAnswer answer) {
		LocalDate month = AiLedger.monthOf(Instant.now());
		return ledger.record(tx, month, module, answer).flatMap(used -> ledger.budget(tx).flatMap(budget -> {
			String level = AiLedger.level(used, budget, settings);
			List<String> reached = level == null ? List.of() : level.equals("BLOCK") ? List.of("ALERT", "BLOCK") : List.of("ALERT");
			return Flux.fromIterable(reached)
				.concatMap(each -> ledger.crossed(tx, month, each, used).filter(first -> first)
					.flatMap(first -> alerts.budgetCrossed(tx, each, used, budget).thenReturn(new Crossed(each, used, budget))))
				.collectList();
		})).defaultIfEmpty(List.of());
	}

	/** Posts the thresholds crossed (their audit records are committed). */
	void announce(String tenant, List<Crossed> crossed) {
		crossed.forEach(each -> alerts.postBudget(tenant, each.level(), each.used(), each.budget()));
	}

	/** The tenant's model behind the resilience operators (for the drain, which checked admission itself). */
	Mono<AiAnswer> call(TenantTransaction tx, AiPrompt prompt) {
		ChatProvider chat = provider;
		return chat == null ? Mono.error(new ProviderUnavailable("AI disabled: no AI provider is configured for this server"))
				: models.of(tx).flatMap(found -> call(chat, prompt, found.active()));
	}

	/** The provider behind the resilience operators; every way it can fail becomes {@link ProviderUnavailable}. */
	Mono<AiAnswer> call(ChatProvider chat, AiPrompt prompt, String model) {
		Mono<AiAnswer> attempt = Mono.fromCallable(() -> chat.chat(prompt, model))
			.subscribeOn(Schedulers.boundedElastic())
			.timeout(settings.timeout())
			.transformDeferred(CircuitBreakerOperator.of(breaker));
		return attempt
			.retryWhen(Retry.backoff(settings.retries(), settings.retryBackoff())
				.filter(error -> !(error instanceof CallNotPermittedException))
				.onRetryExhaustedThrow((spec, signal) -> signal.failure()))
			.transformDeferred(RateLimiterOperator.of(rateLimiter))
			.transformDeferred(BulkheadOperator.of(bulkhead))
			.onErrorMap(error -> !(error instanceof ProviderUnavailable), error -> {
				String reason = reason(error);
				log.warn("AI provider call failed: {}", reason);
				return new ProviderUnavailable(reason);
			});
	}

	/** The breaker, for the health of the port and for tests that must start from a closed one. */
	CircuitBreaker breaker() {
		return breaker;
	}

	/** What the caller is told: the cause's kind, never a URL or a key. */
	static String reason(Throwable error) {
		if (error instanceof CallNotPermittedException) {
			return "AI provider unavailable: circuit breaker open after repeated failures";
		}
		if (error instanceof TimeoutException) {
			return "AI provider unavailable: no answer within the timeout";
		}
		if (error instanceof RequestNotPermitted) {
			return "AI provider busy: this server's request rate limit is reached";
		}
		if (error instanceof BulkheadFullException) {
			return "AI provider busy: too many calls in flight";
		}
		return "AI provider unavailable: the call failed (" + error.getClass().getSimpleName() + ")";
	}

	/** The provider did not answer, for a reason the caller may be told. */
	static final class ProviderUnavailable extends RuntimeException {

		ProviderUnavailable(String reason) {
			super(reason);
		}

	}

}
