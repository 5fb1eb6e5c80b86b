package com.performanceos.platform.egress;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;

/**
 * Every request the server sends to an address a tenant chose goes through here (escalation webhooks, and the CRM
 * connectors' API calls through {@link #exchange}). A URL must be http(s); its host is resolved once and every address checked against the ranges that are
 * not the public internet (loopback, private, shared, link-local and cloud metadata, multicast, unspecified, IPv4
 * written inside IPv6), unless the operator allowed it ({@code performanceos.egress.allowed-destinations}); the request
 * then connects to the checked address itself, so a second DNS answer cannot send it elsewhere. Redirects are not
 * followed, connecting and reading are timed out, and the response body is read up to a cap.
 *
 * <p>Why a request was refused or failed is logged and counted ({@code egress.requests} by outcome), never told to the
 * tenant: a message that told "connection refused" from "HTTP 405" would make the server a scanner of its own network.
 * Callers show {@link #USER_MESSAGE} for every refusal and every failure.
 */
@Component
public final class EgressGuard {

	/** What a tenant is told about any refused or failed request, whatever the cause. */
	public static final String USER_MESSAGE = "Delivery failed";

	/** What a tenant is told when a URL it gives cannot be called, whatever the cause. */
	public static final String REFUSED_URL_MESSAGE = "must be a public http or https URL";

	private static final Logger log = LoggerFactory.getLogger(EgressGuard.class);

	private final Destinations destinations;

	private final EgressProperties settings;

	private final Counter delivered;

	private final Counter refused;

	private final Counter failed;

	EgressGuard(HostResolver resolver, EgressProperties settings, MeterRegistry registry) {
		this.settings = settings;
		this.destinations = new Destinations(resolver, settings.allowedRanges(), settings.allowedHosts());
		this.delivered = outcome(registry, "delivered");
		this.refused = outcome(registry, "refused");
		this.failed = outcome(registry, "failed");
	}

	/**
	 * Checks that {@code url} may be called now (at rule creation, say), resolving its host off the caller's thread.
	 * Completes empty when it may, fails with {@link EgressRefused} otherwise.
	 */
	public Mono<Void> check(String url) {
		return Mono.fromCallable(() -> destinations.check(url))
			.subscribeOn(Schedulers.boundedElastic())
			.doOnError(EgressRefused.class, refusal -> log.info("Egress URL refused: {}", refusal.getMessage()))
			.then();
	}

	/**
	 * POSTs {@code body} to {@code url} with the headers; completes with the status of a 2xx answer, fails with
	 * {@link EgressRefused} before any connection, or {@link EgressFailed} for anything else.
	 */
	public Mono<Integer> post(String url, Map<String, String> headers, byte[] body) {
		return guarded(url, Mono.fromCallable(() -> destinations.check(url))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap(destination -> send(destination, HttpMethod.POST, headers, body, settings.responseSizeMax().toBytes(), false))
			.map(Answer::status));
	}

	/**
	 * Sends a request to a third-party API (a CRM, say) and completes with the body of its 2xx answer, read up to
	 * {@code responseSizeMax} (larger than the webhook default: an API page can hold thousands of records). Fails like
	 * {@link #post}: {@link EgressRefused} before any connection, {@link EgressFailed} (with the {@link EgressFailed#status()}
	 * of a non-2xx answer) for anything else.
	 *
	 * @param method GET or POST
	 * @param body the request body, null for none
	 */
	public Mono<byte[]> exchange(HttpMethod method, String url, Map<String, String> headers, byte @Nullable [] body,
			DataSize responseSizeMax) {
		if (method != HttpMethod.GET && method != HttpMethod.POST) {
			throw new IllegalArgumentException("Only GET and POST go out through the guard, not " + method);
		}
		return guarded(url, Mono.fromCallable(() -> destinations.check(url))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap(destination -> send(destination, method, headers, body, responseSizeMax.toBytes(), true))
			.map(Answer::body));
	}

	private <T> Mono<T> guarded(String url, Mono<T> request) {
		return request
			.doOnNext(answer -> delivered.increment())
			.doOnError(error -> {
				(error instanceof EgressRefused ? refused : failed).increment();
				log.warn("Outbound request to {} {}: {}", hostOf(url), error instanceof EgressRefused ? "refused" : "failed",
						error.getMessage());
			})
			.onErrorMap(error -> !(error instanceof EgressRefused) && !(error instanceof EgressFailed),
					error -> new EgressFailed(error.getClass().getSimpleName() + ": " + error.getMessage(), error));
	}

	private Mono<Answer> send(Destination destination, HttpMethod method, Map<String, String> headers, byte @Nullable [] body,
			long sizeMax, boolean keepBody) {
		PinnedResolverGroup pinned = new PinnedResolverGroup(destination.address());
		// A new connection each time: a pooled one could have been opened to an address checked for another request.
		HttpClient client = HttpClient.newConnection()
			.resolver(pinned)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(settings.connectTimeout().toMillis()))
			.responseTimeout(settings.readTimeout())
			.followRedirect(false)
			.headers(outgoing -> headers.forEach(outgoing::set));
		HttpClient.ResponseReceiver<?> request = method == HttpMethod.GET ? client.get().uri(destination.uri())
				: client.post().uri(destination.uri())
					.send((outgoing, outbound) -> outbound.sendByteArray(Mono.just(body == null ? new byte[0] : body)));
		return request
			.response((response, content) -> content
				.reduceWith(() -> new Received(keepBody), (received, chunk) -> received.add(chunk, sizeMax))
				.defaultIfEmpty(new Received(keepBody))
				.map(received -> new Answer(response.status().code(), received.bytes())))
			.single()
			.timeout(settings.connectTimeout().plus(settings.readTimeout()))
			.flatMap(answer -> answer.status() >= 200 && answer.status() < 300 ? Mono.just(answer)
					: Mono.error(new EgressFailed(answer.status())))
			.doFinally(signal -> pinned.close());
	}

	/** A 2xx answer: its status and, when kept, its body. */
	private record Answer(int status, byte[] body) {
	}

	/** The response body read so far: counted always (to enforce the cap), kept only when the caller reads it. */
	private static final class Received {

		private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

		private final boolean keep;

		private long size;

		Received(boolean keep) {
			this.keep = keep;
		}

		Received add(io.netty.buffer.ByteBuf chunk, long sizeMax) {
			size += chunk.readableBytes();
			if (size > sizeMax) {
				throw new EgressFailed("Response larger than " + sizeMax + " bytes");
			}
			if (keep) {
				byte[] bytes = new byte[chunk.readableBytes()];
				chunk.readBytes(bytes);
				kept.writeBytes(bytes);
			}
			return this;
		}

		byte[] bytes() {
			return kept.toByteArray();
		}

	}

	private static String hostOf(String url) {
		try {
			return String.valueOf(java.net.URI.create(url).getHost());
		}
		catch (IllegalArgumentException ex) {
			return "(not a URL)";
		}
	}

	private static Counter outcome(MeterRegistry registry, String outcome) {
		return Counter.builder("egress.requests")
			.tag("outcome", outcome)
			.description("Outbound requests to tenant-chosen addresses (webhooks), by outcome")
			.register(registry);
	}

	/** Answers every lookup of one request with the address the guard checked, so no second DNS answer is used. */
	private static final class PinnedResolverGroup extends AddressResolverGroup<java.net.InetSocketAddress> {

		private final InetAddress address;

		PinnedResolverGroup(InetAddress address) {
			this.address = address;
		}

		@Override
		protected AddressResolver<java.net.InetSocketAddress> newResolver(EventExecutor executor) {
			return new InetNameResolver(executor) {

				@Override
				protected void doResolve(String host, Promise<InetAddress> promise) {
					promise.setSuccess(address);
				}

				@Override
				protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
					promise.setSuccess(List.of(address));
				}

			}.asAddressResolver();
		}

	}

}
