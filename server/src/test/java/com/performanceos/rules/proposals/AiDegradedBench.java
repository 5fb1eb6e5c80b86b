package com.performanceos.rules.proposals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.ai.AiIntegrationTest;
import com.performanceos.platform.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On-demand measurement of the degraded path (run by {@code bench/run-ai-degraded-bench.sh}, never by the suite: the
 * class name does not end in {@code Tests}): with the provider failing and the breaker open, {@code ai.bench.callers}
 * concurrent callers (default 50) each send {@code ai.bench.requests} {@code proposePlan} mutations (default 40) over
 * HTTP; every answer must be QUEUED, and the latency percentiles are printed as {@code BENCH} lines.
 */
@EnabledIfSystemProperty(named = "ai.bench.callers", matches = "\\d+")
class AiDegradedBench extends AiIntegrationTest {

	@Autowired
	private org.springframework.core.env.Environment environment;

	@Autowired
	private com.performanceos.testsupport.SqlStatementCounter statements;

	/** The breaker stays open for the whole run, and the rate limiter does not get in the way of measuring it. */
	@DynamicPropertySource
	static void breakerOpenForTheRun(DynamicPropertyRegistry properties) {
		properties.add("performanceos.ai.breaker.open-duration", () -> "1h");
		properties.add("performanceos.ai.requests-per-second", () -> "10000");
	}

	@Test
	void proposePlanAnswersQueuedWithTheBreakerOpenUnderConcurrentCallers() {
		int callers = Integer.getInteger("ai.bench.callers", 50);
		int requests = Integer.getInteger("ai.bench.requests", 40);
		long paceMillis = Long.getLong("ai.bench.pace-ms", 0);
		assertThat(environment.getProperty("performanceos.ai.breaker.open-duration")).as("the bench's breaker stays open for the run")
			.isEqualTo("1h");
		String tenant = newTenant("bench-ai");
		failsWith500();
		// Open the breaker: failing calls until a proposal is queued for the breaker's reason.
		WebClient warm = client("warm", tenant);
		for (int attempt = 0; attempt < 20 && !send(warm, "open-" + attempt).block().contains("circuit breaker open"); attempt++) {
			// each failing call counts towards the breaker's window
		}
		int providerCallsBefore = chatRequests();
		// Warm-up of the queued path itself (JIT), not measured.
		Flux.range(0, callers).flatMap(caller -> send(client("warm-" + caller, tenant), "warm-" + caller), callers).blockLast();

		statements.reset(tenant);
		List<Long> micros = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger notQueued = new AtomicInteger();
		long started = System.nanoTime();
		Flux.range(0, callers).flatMap(caller -> {
			WebClient client = client("caller-" + caller, tenant);
			// Closed loop (pace 0): each caller sends its next request as soon as the previous one is answered, so the run
			// measures saturation. Paced: each caller sends one request every pace, started on a random offset, whether
			// the previous one was answered or not (open loop): latency at a steady rate of callers x 1000 / pace per second.
			Flux<Integer> ticks = paceMillis == 0 ? Flux.range(0, requests)
					: Flux.interval(Duration.ofMillis(java.util.concurrent.ThreadLocalRandom.current().nextLong(paceMillis)),
							Duration.ofMillis(paceMillis)).take(requests).map(Long::intValue);
			java.util.function.Function<Integer, Mono<String>> one = request -> {
				long sent = System.nanoTime();
				return send(client, "c" + caller + "-r" + request).doOnNext(body -> {
					micros.add((System.nanoTime() - sent) / 1_000);
					if (!body.contains("\"status\":\"QUEUED\"")) {
						notQueued.incrementAndGet();
					}
				});
			};
			return paceMillis == 0 ? ticks.concatMap(one) : ticks.flatMap(one);
		}, callers).blockLast(Duration.ofMinutes(10));
		double seconds = (System.nanoTime() - started) / 1e9;

		long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
		System.out.printf("BENCH ai-degraded callers=%d requests=%d paceMs=" + paceMillis + " answered=%d notQueued=%d throughput=%.0f/s p50=%.1fms p90=%.1fms "
				+ "p99=%.1fms max=%.1fms providerCallsDuringRun=%d sqlStatementsPerRequest=%.1f load=%s%n", callers, requests, sorted.length, notQueued.get(),
				sorted.length / seconds, percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
				sorted[sorted.length - 1] / 1000.0, chatRequests() - providerCallsBefore,
				(double) statements.statements(tenant) / sorted.length, loadAverage());
		assertThat(notQueued.get()).isZero();
		assertThat(sorted).hasSize(callers * requests);
		assertThat(chatRequests()).as("an open breaker never calls the provider").isEqualTo(providerCallsBefore);
	}

	private WebClient client(String subject, String tenant) {
		return WebClient.builder().baseUrl("http://127.0.0.1:" + port + "/graphql")
			.defaultHeader("Authorization", "Bearer " + tokens.token(subject, tenant, Role.SALES_OPS))
			.defaultHeader("Content-Type", "application/json").build();
	}

	private static Mono<String> send(WebClient client, String key) {
		String body = "{\"query\":\"mutation($input: ProposePlanInput!) { proposePlan(input: $input) { proposal { status queuedReason } "
				+ "userErrors { code } } }\",\"variables\":{\"input\":{\"idempotencyKey\":\"" + key + "\",\"sentence\":\"10 % on ARR, "
				+ "15 % above quota for AEs in France\",\"ruleName\":\"bench\"}}}";
		return client.post().bodyValue(body).retrieve().bodyToMono(String.class);
	}

	private static double percentile(long[] sorted, int percent) {
		int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
	}

	private static String loadAverage() {
		try {
			return String.join(" ", Arrays.copyOf(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" "), 3));
		}
		catch (java.io.IOException ex) {
			return "unknown";
		}
	}

}
