package com.performanceos.platform.egress;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The guard's requests against a WireMock receiver on this machine, which the tests allow as an operator would allow
 * an internal receiver; names are answered by a test resolver.
 */
class EgressGuardTests {

	private static WireMockServer receiver;

	private final AtomicInteger lookups = new AtomicInteger();

	/** Answers loopback first, then an address outside the allowlist: what a rebinding DNS server would do. */
	private final HostResolver rebinding = host -> List.of(InetAddress.getByName(lookups.getAndIncrement() == 0 ? "127.0.0.1" : "10.9.9.9"));

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final EgressGuard guard = new EgressGuard(rebinding, new EgressProperties(List.of("127.0.0.1"), Duration.ofSeconds(2),
			Duration.ofSeconds(2), DataSize.ofKilobytes(4)), meters);

	@BeforeAll
	static void startReceiver() {
		receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
		receiver.start();
		receiver.stubFor(post(urlEqualTo("/ok")).willReturn(aResponse().withStatus(204)));
		receiver.stubFor(post(urlEqualTo("/redirect")).willReturn(aResponse().withStatus(302).withHeader("Location", "http://10.0.0.1/")));
		receiver.stubFor(post(urlEqualTo("/large")).willReturn(aResponse().withStatus(200).withBody("x".repeat(64 * 1024))));
		receiver.stubFor(post(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(5_000)));
		receiver.stubFor(get(urlEqualTo("/api/page")).willReturn(aResponse().withStatus(200).withBody("{\"records\": []}")));
		receiver.stubFor(get(urlEqualTo("/api/large")).willReturn(aResponse().withStatus(200).withBody("x".repeat(64 * 1024))));
		receiver.stubFor(get(urlEqualTo("/api/denied")).willReturn(aResponse().withStatus(401)));
		receiver.stubFor(post(urlEqualTo("/api/search")).willReturn(aResponse().withStatus(200).withBody("found")));
	}

	@AfterAll
	static void stopReceiver() {
		receiver.stop();
	}

	@Test
	void connectsToTheAddressItCheckedWithTheNameKeptForTheReceiver() {
		String url = "http://hooks.rebinding.test:" + receiver.port() + "/ok";
		assertThat(guard.post(url, Map.of("X-Test", "1"), "{}".getBytes()).block()).isEqualTo(204);
		// One lookup per request: the connection used the checked answer, not a second one (10.9.9.9).
		assertThat(lookups.get()).isEqualTo(1);
		receiver.verify(postRequestedFor(urlEqualTo("/ok")).withHeader("Host", equalTo("hooks.rebinding.test:" + receiver.port()))
			.withHeader("X-Test", equalTo("1")));
		assertThat(meters.get("egress.requests").tag("outcome", "delivered").counter().count()).isEqualTo(1);
	}

	@Test
	void aSecondRequestIsCheckedAgainAndRefusedWhenTheNameNowResolvesInside() {
		String url = "http://hooks.rebinding.test:" + receiver.port() + "/ok";
		guard.post(url, Map.of(), new byte[0]).block();
		assertThatExceptionOfType(EgressRefused.class).isThrownBy(() -> guard.post(url, Map.of(), new byte[0]).block());
		assertThat(meters.get("egress.requests").tag("outcome", "refused").counter().count()).isEqualTo(1);
	}

	@Test
	void redirectsAreNotFollowedAndLargeOrSlowAnswersFail() {
		String base = "http://127.0.0.1:" + receiver.port();
		assertThatExceptionOfType(EgressFailed.class).isThrownBy(() -> guard.post(base + "/redirect", Map.of(), new byte[0]).block())
			.withMessage("HTTP 302");
		assertThatExceptionOfType(EgressFailed.class).isThrownBy(() -> guard.post(base + "/large", Map.of(), new byte[0]).block())
			.withMessageContaining("larger than 4096 bytes");
		assertThatExceptionOfType(EgressFailed.class)
			.isThrownBy(() -> guard.post(base + "/slow", Map.of(), new byte[0]).block(Duration.ofSeconds(10)));
		assertThat(meters.get("egress.requests").tag("outcome", "failed").counter().count()).isEqualTo(3);
	}

	@Test
	void anApiCallAnswersTheBodyUpToItsOwnCapAndTellsTheStatusOfARefusal() {
		String base = "http://127.0.0.1:" + receiver.port();
		assertThat(new String(guard.exchange(HttpMethod.GET, base + "/api/page", Map.of(), null, DataSize.ofKilobytes(1)).block()))
			.isEqualTo("{\"records\": []}");
		// Larger than the webhook cap (4 KB here), within the caller's.
		assertThat(guard.exchange(HttpMethod.GET, base + "/api/large", Map.of(), null, DataSize.ofKilobytes(128)).block()).hasSize(64 * 1024);
		assertThatExceptionOfType(EgressFailed.class)
			.isThrownBy(() -> guard.exchange(HttpMethod.GET, base + "/api/large", Map.of(), null, DataSize.ofKilobytes(32)).block())
			.withMessageContaining("larger than 32768 bytes")
			.satisfies(failure -> assertThat(failure.status()).isNull());
		assertThatExceptionOfType(EgressFailed.class)
			.isThrownBy(() -> guard.exchange(HttpMethod.GET, base + "/api/denied", Map.of(), null, DataSize.ofKilobytes(1)).block())
			.satisfies(failure -> assertThat(failure.status()).isEqualTo(401));
		assertThat(new String(guard.exchange(HttpMethod.POST, base + "/api/search", Map.of(), "{}".getBytes(), DataSize.ofKilobytes(1))
			.block())).isEqualTo("found");
		receiver.verify(postRequestedFor(urlEqualTo("/api/search")).withRequestBody(equalTo("{}")));
		// The same checks as a webhook: an address outside the allowlist is refused before any connection.
		assertThatExceptionOfType(EgressRefused.class)
			.isThrownBy(() -> guard.exchange(HttpMethod.GET, "http://10.1.2.3/api/page", Map.of(), null, DataSize.ofKilobytes(1)).block());
	}

}
