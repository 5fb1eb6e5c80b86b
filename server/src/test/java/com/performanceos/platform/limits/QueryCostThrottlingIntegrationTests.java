package com.performanceos.platform.limits;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.redisson.api.RMap;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;

import com.performanceos.platform.security.Role;
import com.performanceos.platform.security.Viewer;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A tiny bucket (30 units, draining 10 a second) and a shallow depth limit, in their own context. */
@TestPropertySource(properties = { "performanceos.limits.bucket-capacity=30", "performanceos.limits.max-query-cost=30",
		"performanceos.limits.bucket-leak-per-second=10", "performanceos.limits.max-query-depth=3" })
class QueryCostThrottlingIntegrationTests extends IntegrationTest {

	@Autowired
	private RedissonClient redisson;

	/** 25 viewers: 25 units requested and 25 actually returned, so nothing is refunded. */
	private static final String HEAVY = "{ " + "v%d: viewer { subject } ".repeat(25).formatted(
			0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24) + "}";

	@Test
	void aClientThatSpendsItsBucketIsThrottledUntilItDrainsAndOthersAreNot() throws InterruptedException {
		String tenant = newTenant("throttle");
		String token = tokens.token("spender", tenant, Role.ADMIN);

		GraphQlHttp.Answer first = GraphQlHttp.post(web, token, Map.of("query", HEAVY));
		assertThat(first.json().path("errors").isMissingNode()).isTrue();
		assertThat(first.cost().path("actual").asInt()).isEqualTo(25);
		assertThat(first.cost().path("remaining").asInt()).isBetween(5, 6);

		GraphQlHttp.Answer throttled = GraphQlHttp.post(web, token, Map.of("query", HEAVY));
		assertThat(throttled.firstErrorCode()).isEqualTo("THROTTLED");
		assertThat(throttled.json().path("data").isMissingNode() || throttled.json().path("data").isNull()).isTrue();
		long retryAfter = throttled.json().path("errors").path(0).path("extensions").path("retryAfterSeconds").asLong();
		assertThat(retryAfter).isPositive();
		assertThat(throttled.json().path("errors").path(0).path("extensions").path("cost").asInt()).isEqualTo(25);
		assertThat(throttled.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo(String.valueOf(retryAfter));
		assertThat(throttled.cost().path("requested").asInt()).isEqualTo(25);
		assertThat(throttled.cost().path("actual").asInt()).isZero();
		assertThat(throttled.cost().path("limit").asInt()).isEqualTo(30);

		GraphQlHttp.Answer other = GraphQlHttp.post(web, tokens.token("bystander", tenant, Role.ADMIN), Map.of("query", HEAVY));
		assertThat(other.json().path("errors").isMissingNode()).isTrue();

		Thread.sleep(retryAfter * 1000);
		GraphQlHttp.Answer again = GraphQlHttp.post(web, token, Map.of("query", HEAVY));
		assertThat(again.json().path("errors").isMissingNode()).isTrue();
		assertThat(again.json().path("data").path("v24").path("subject").asString()).isEqualTo("spender");
	}

	/**
	 * 26 units requested, 1 returned: the response reports the refund at once, and the refund, sent
	 * without waiting, reaches the bucket in Redis (without it the stored level stays at 26 until the
	 * client's next request).
	 */
	@Test
	void unusedCostIsRefundedToTheSharedBucket() {
		String tenant = newTenant("refund");
		String token = tokens.token("refunded", tenant, Role.ADMIN);

		GraphQlHttp.Answer listing = GraphQlHttp.post(web, token, Map.of("query", "{ accounts(first: 25) { nodes { id } } }"));
		assertThat(listing.json().path("errors").isMissingNode()).isTrue();
		assertThat(listing.cost().path("requested").asInt()).isEqualTo(26);
		assertThat(listing.cost().path("actual").asInt()).isEqualTo(1);
		assertThat(listing.cost().path("remaining").asInt()).isEqualTo(29);

		RMap<String, String> bucket = redisson.getMap(LeakyBucket.key(new Viewer("refunded", tenant, Set.of(Role.ADMIN))),
				StringCodec.INSTANCE);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(Double.parseDouble(bucket.get("level"))).isLessThanOrEqualTo(1.0));
		GraphQlHttp.Answer heavy = GraphQlHttp.post(web, token, Map.of("query", HEAVY));
		assertThat(heavy.json().path("errors").isMissingNode()).as("%s", heavy.json()).isTrue();
	}

	@Test
	void anOperationNestedTooDeepIsRefused() {
		GraphQlHttp.Answer answer = GraphQlHttp.post(web, tokens.token(newTenant("deep"), Role.ADMIN),
				Map.of("query", "{ accounts(first: 1) { edges { node { id } } } }"));
		assertThat(answer.firstErrorCode()).isEqualTo("DEPTH_LIMIT_EXCEEDED");
		assertThat(answer.json().path("data").isMissingNode() || answer.json().path("data").isNull()).isTrue();
		assertThat(answer.cost().path("actual").asInt()).isZero();
	}

}
