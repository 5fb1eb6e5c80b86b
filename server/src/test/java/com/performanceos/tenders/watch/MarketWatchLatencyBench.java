package com.performanceos.tenders.watch;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Market watch end to end, run on demand by {@code bench/run-watch-latency-bench.sh} (not part of the suite): the
 * whole server with {@code -Dwatch.bench.searches} saved searches of 5,000 tenants (seeded in SQL, CPV prefixes) and
 * a few vendors subscribed to {@code tenderMatched} over WebSocket with a keyword search every notice matches; notices
 * are ingested one at a time at {@code -Dwatch.bench.perMinute} (1,000 a minute by default) and each subscriber's
 * latency from the ingestion call to the message is recorded: p50, p99, and the load average around the run.
 */
class MarketWatchLatencyBench extends IntegrationTest {

	private static final int SEARCHES = Integer.getInteger("watch.bench.searches", 100_000);

	private static final int NOTICES = Integer.getInteger("watch.bench.notices", 300);

	private static final int PER_MINUTE = Integer.getInteger("watch.bench.perMinute", 1_000);

	/** The shortest CPV prefix of the seeded searches (they are 2 to 4 digits long by default): 3 matches ~10x fewer. */
	private static final int MIN_PREFIX = Integer.getInteger("watch.bench.minPrefix", 2);

	private static final int SUBSCRIBERS = 3;

	@Autowired
	MarketWatch watch;

	@Test
	void measuresTheLatencyFromIngestionToTheSubscriber() throws Exception {
		seed(SEARCHES);
		List<String> vendors = new ArrayList<>();
		for (int i = 0; i < SUBSCRIBERS; i++) {
			String tenant = newTenant("latency");
			vendors.add(tenant);
			graphQl(tenant, Role.VENDOR).document("mutation($input: CreateSavedSearchInput!) { createSavedSearch(input: $input) { userErrors { code } } }")
				.variable("input", Map.of("idempotencyKey", "latency", "name", "latence", "keywords", List.of("latence"))).execute()
				.path("createSavedSearch.userErrors").entityList(Object.class).hasSize(0);
		}
		long reloadStart = System.nanoTime();
		int loaded = watch.reload().block();
		System.out.printf("BENCH index reloaded with %,d searches in %,d ms%n", loaded, (System.nanoTime() - reloadStart) / 1_000_000);

		Map<String, Long> sentAt = new ConcurrentHashMap<>();
		java.util.concurrent.atomic.AtomicLong matches = new java.util.concurrent.atomic.AtomicLong();
		java.util.concurrent.atomic.AtomicLong failures = new java.util.concurrent.atomic.AtomicLong();
		List<Long> latenciesNs = java.util.Collections.synchronizedList(new ArrayList<>());
		List<Long> recordedNs = java.util.Collections.synchronizedList(new ArrayList<>());
		List<Disposable> subscriptions = new ArrayList<>();
		for (String vendor : vendors) {
			subscriptions.add(subscribe(tokens.token("vendor", vendor, Role.VENDOR), sentAt, latenciesNs));
		}
		Thread.sleep(2_000);
		String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
		long intervalNs = 60_000_000_000L / PER_MINUTE;
		long start = System.nanoTime();
		for (int i = 0; i < NOTICES; i++) {
			long due = start + i * intervalNs;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
			}
			Notice notice = new Notice(NoticeSource.BOAMP, "latency-" + start + "-" + i, "Mesure de latence n° " + i + " : travaux de voirie",
					"Commune de Lyon", List.of(String.format("45%06d", i)), List.of("69"), BigDecimal.valueOf(120_000), null, null,
					LocalDate.now());
			long sent = System.nanoTime();
			sentAt.put(notice.sourceId(), sent);
			watch.ingest(List.of(notice)).subscribe(ingested -> {
				matches.addAndGet(ingested.matches());
				recordedNs.add(System.nanoTime() - sent);
			}, failure -> {
				failures.incrementAndGet();
				System.out.println("BENCH ingestion failed: " + failure);
			});
		}
		try {
			await().atMost(Duration.ofSeconds(60)).until(() -> latenciesNs.size() >= NOTICES * SUBSCRIBERS);
		}
		catch (org.awaitility.core.ConditionTimeoutException incomplete) {
			System.out.printf("BENCH incomplete after 60 s: %,d of %,d deliveries, %,d matches ingested, %,d ingestions failed%n", latenciesNs.size(),
					NOTICES * SUBSCRIBERS, matches.get(), failures.get());
		}
		String loadAfter = Files.readString(Path.of("/proc/loadavg")).strip();
		subscriptions.forEach(Disposable::dispose);

		long[] sorted = latenciesNs.stream().mapToLong(Long::longValue).sorted().toArray();
		assertThat(sorted).isNotEmpty();
		System.out.printf("BENCH CPV prefixes of %d to %d digits%n", MIN_PREFIX, MIN_PREFIX + 2);
		System.out.printf("BENCH %,d notices at %,d/min against %,d searches, %d subscribers: %,d deliveries, p50 %.1f ms, p99 %.1f ms, "
				+ "max %.1f ms%n", NOTICES, PER_MINUTE, loaded, SUBSCRIBERS, sorted.length, sorted[sorted.length / 2] / 1e6,
				sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6);
		long[] recorded = recordedNs.stream().mapToLong(Long::longValue).sorted().toArray();
		if (recorded.length > 0) {
			// Ingestion alone: the notice stored, its matches and events committed (before the relay and the fan-out).
			System.out.printf("BENCH matches recorded (%,d notices, %,d matches): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", recorded.length,
					matches.get(), recorded[recorded.length / 2] / 1e6, recorded[(int) (recorded.length * 0.99)] / 1e6, recorded[recorded.length - 1] / 1e6);
		}
		System.out.println("BENCH load average before: " + loadBefore + " / after: " + loadAfter);
	}

	/**
	 * Saved searches of 5,000 tenants: CPV prefixes of {@code MIN_PREFIX} to {@code MIN_PREFIX + 2} digits (2 to 4 by
	 * default, so a works notice matches a few hundred; from 3 digits, a few dozen).
	 */
	private static void seed(int searches) throws Exception {
		try (Connection connection = TestServices.shared().superuserConnection(); Statement sql = connection.createStatement()) {
			sql.execute("INSERT INTO tenders_watch_search (tenant_id, id, name, cpv_prefixes, keywords, departments, created_by) "
					+ "SELECT 'watch-bench-' || (n % 5000), gen_random_uuid(), 'search ' || n, "
					+ "ARRAY[substr(lpad((n * 7919 % 1000000)::text, 6, '0'), 1, " + MIN_PREFIX + " + n % 3)], '{}', '{}', 'bench' FROM generate_series(1, " + searches + ") n");
			sql.execute("INSERT INTO tenders_watch_tenant (tenant_id) SELECT DISTINCT tenant_id FROM tenders_watch_search "
					+ "WHERE tenant_id LIKE 'watch-bench-%' ON CONFLICT DO NOTHING");
		}
	}

	private Disposable subscribe(String token, Map<String, Long> sentAt, List<Long> latenciesNs) {
		return WebSocketGraphQlClient.builder("ws://127.0.0.1:" + port + "/graphql-ws", new ReactorNettyWebSocketClient())
			.interceptor(new WebSocketGraphQlClientInterceptor() {

				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(Map.of("Authorization", "Bearer " + token));
				}

			})
			.build()
			.document("subscription { tenderMatched { notice { sourceId } } }")
			.retrieveSubscription("tenderMatched.notice.sourceId")
			.toEntity(String.class)
			.subscribe(sourceId -> {
				Long sent = sentAt.get(sourceId);
				if (sent != null) {
					latenciesNs.add(System.nanoTime() - sent);
				}
			});
	}

}
