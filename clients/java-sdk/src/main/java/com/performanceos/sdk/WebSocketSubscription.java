package com.performanceos.sdk;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * One subscription over its own WebSocket, speaking {@code graphql-transport-ws}: {@code
 * connection_init} with the bearer token, {@code subscribe} once acknowledged, {@code next} events
 * handed to the subscriber as its demand allows, {@code pong} to every {@code ping}. Cancelling sends
 * {@code complete} and closes the socket. Signals to the subscriber are serialised by a drain loop,
 * so the WebSocket's thread and the subscriber's {@code request} calls never overlap.
 */
final class WebSocketSubscription<T> implements Flow.Subscription, WebSocket.Listener {

	static final String SUBPROTOCOL = "graphql-transport-ws";

	/** The one operation id of the connection: each subscription has its own socket. */
	private static final String ID = "1";

	/** Largest message accepted from the server. */
	private static final int MESSAGE_LENGTH_MAX = 16 * 1024 * 1024;

	private final HttpClient http;

	private final URI uri;

	private final Supplier<String> tokens;

	private final ObjectMapper json;

	private final Operation<T> operation;

	private final Map<String, ?> variables;

	private final HttpTransport.ClientSettings settings;

	private final Flow.Subscriber<? super T> subscriber;

	private final Queue<T> events = new ConcurrentLinkedQueue<>();

	private final AtomicInteger buffered = new AtomicInteger();

	private final AtomicLong demand = new AtomicLong();

	private final AtomicInteger drains = new AtomicInteger();

	private final StringBuilder message = new StringBuilder();

	private final Object sendLock = new Object();

	private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

	private volatile @Nullable WebSocket socket;

	private volatile boolean acknowledged;

	private volatile boolean cancelled;

	private volatile boolean done;

	private volatile @Nullable Throwable failure;

	/** Only touched inside the drain loop. */
	private boolean terminated;

	WebSocketSubscription(HttpClient http, URI uri, Supplier<String> tokens, ObjectMapper json, Operation<T> operation,
			Map<String, ?> variables, HttpTransport.ClientSettings settings, Flow.Subscriber<? super T> subscriber) {
		this.http = http;
		this.uri = uri;
		this.tokens = tokens;
		this.json = json;
		this.operation = operation;
		this.variables = variables;
		this.settings = settings;
		this.subscriber = subscriber;
	}

	void start() {
		subscriber.onSubscribe(this);
		if (cancelled) {
			return;
		}
		http.newWebSocketBuilder()
			.subprotocols(SUBPROTOCOL)
			.connectTimeout(settings.requestTimeout())
			.buildAsync(uri, this)
			.whenComplete((webSocket, error) -> {
				if (error != null) {
					fail(PerformanceOsException.client(PerformanceOsException.NETWORK_ERROR,
							"Cannot open a WebSocket to " + uri + ": " + error, error));
				}
				else if (cancelled) {
					close(webSocket);
				}
			});
		CompletableFuture.delayedExecutor(settings.connectionInitTimeout().toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
			if (!acknowledged && !done) {
				fail(PerformanceOsException.client(PerformanceOsException.PROTOCOL_ERROR,
						"No connection_ack from " + uri + " within " + settings.connectionInitTimeout(), null));
			}
		});
	}

	@Override
	public void onOpen(WebSocket webSocket) {
		socket = webSocket;
		ObjectNode init = json.createObjectNode().put("type", "connection_init");
		init.putObject("payload").put("Authorization", "Bearer " + tokens.get());
		send(webSocket, init);
		webSocket.request(1);
	}

	@Override
	public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		message.append(data);
		if (message.length() > MESSAGE_LENGTH_MAX) {
			fail(PerformanceOsException.client(PerformanceOsException.PROTOCOL_ERROR,
					"A WebSocket message longer than " + MESSAGE_LENGTH_MAX + " characters", null));
			return null;
		}
		if (last) {
			String text = message.toString();
			message.setLength(0);
			handle(webSocket, text);
		}
		webSocket.request(1);
		return null;
	}

	private void handle(WebSocket webSocket, String text) {
		JsonNode frame;
		try {
			frame = json.readTree(text);
		}
		catch (JsonProcessingException ex) {
			fail(PerformanceOsException.client(PerformanceOsException.PROTOCOL_ERROR, "A WebSocket message that is not JSON", ex));
			return;
		}
		switch (frame.path("type").asText()) {
			case "connection_ack" -> {
				acknowledged = true;
				ObjectNode subscribe = json.createObjectNode().put("id", ID).put("type", "subscribe");
				subscribe.putObject("payload")
					.put("query", operation.document())
					.put("operationName", operation.name())
					.set("variables", json.valueToTree(variables));
				send(webSocket, subscribe);
			}
			case "ping" -> send(webSocket, json.createObjectNode().put("type", "pong"));
			case "pong" -> {
				// An answer to a ping this client never sends; nothing to do.
			}
			case "next" -> next(frame.path("payload"));
			case "error" -> fail(PerformanceOsException.of(errors(frame.path("payload")), null, 0, null));
			case "complete" -> {
				done = true;
				close(webSocket);
				drain();
			}
			default -> fail(PerformanceOsException.client(PerformanceOsException.PROTOCOL_ERROR,
					"Unknown graphql-transport-ws message type: " + frame.path("type").asText(), null));
		}
	}

	private void next(JsonNode payload) {
		List<GraphQlError> errors = Json.errors(json, payload.path("errors"));
		if (!errors.isEmpty()) {
			fail(PerformanceOsException.of(errors, null, 0, payload.path("data").isObject() ? payload.path("data") : null));
			return;
		}
		JsonNode value = payload.path("data").path(operation.rootField());
		T event;
		try {
			event = json.treeToValue(value, operation.resultType());
		}
		catch (JsonProcessingException | IllegalArgumentException ex) {
			fail(PerformanceOsException.client(PerformanceOsException.PROTOCOL_ERROR,
					"An event that does not fit " + operation.resultType().getSimpleName(), ex));
			return;
		}
		if (event == null) {
			fail(PerformanceOsException.client(PerformanceOsException.PROTOCOL_ERROR,
					"An event without " + operation.rootField(), null));
			return;
		}
		if (buffered.incrementAndGet() > settings.subscriptionBufferMax()) {
			fail(PerformanceOsException.client(PerformanceOsException.PROTOCOL_ERROR, "The subscriber fell more than "
					+ settings.subscriptionBufferMax() + " events behind; the subscription was closed", null));
			return;
		}
		events.add(event);
		drain();
	}

	private List<GraphQlError> errors(JsonNode payload) {
		List<GraphQlError> errors = Json.errors(json, payload);
		return errors.isEmpty()
				? List.of(new GraphQlError("The subscription failed without a reason", null, null, List.of(), Map.of()))
				: errors;
	}

	@Override
	public @Nullable CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		if (!done && !cancelled) {
			String code = switch (statusCode) {
				case 4401 -> "UNAUTHENTICATED";
				case 4403 -> "FORBIDDEN";
				default -> PerformanceOsException.NETWORK_ERROR;
			};
			fail(PerformanceOsException.client(code, "The server closed the subscription (" + statusCode + " " + reason + ")", null));
		}
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		fail(PerformanceOsException.client(PerformanceOsException.NETWORK_ERROR, "The WebSocket to " + uri + " failed: " + error, error));
	}

	@Override
	public void request(long count) {
		if (count <= 0) {
			fail(new IllegalArgumentException("Reactive Streams rule 3.9: request(" + count + ") must be positive"));
			return;
		}
		demand.getAndUpdate(current -> current + count < 0 ? Long.MAX_VALUE : current + count);
		drain();
	}

	@Override
	public void cancel() {
		if (cancelled) {
			return;
		}
		cancelled = true;
		events.clear();
		WebSocket webSocket = socket;
		if (webSocket != null && !done) {
			send(webSocket, json.createObjectNode().put("id", ID).put("type", "complete"));
		}
		if (webSocket != null) {
			close(webSocket);
		}
	}

	private void fail(Throwable error) {
		if (done) {
			return;
		}
		failure = error;
		done = true;
		WebSocket webSocket = socket;
		if (webSocket != null) {
			close(webSocket);
		}
		drain();
	}

	private void drain() {
		if (drains.getAndIncrement() != 0) {
			return;
		}
		int missed = 1;
		do {
			if (!terminated && !cancelled) {
				Throwable error = failure;
				if (error != null) {
					terminated = true;
					events.clear();
					subscriber.onError(error);
				}
				else {
					while (demand.get() > 0 && !cancelled) {
						T event = events.poll();
						if (event == null) {
							break;
						}
						buffered.decrementAndGet();
						demand.decrementAndGet();
						subscriber.onNext(event);
					}
					if (done && events.isEmpty() && !cancelled) {
						terminated = true;
						subscriber.onComplete();
					}
				}
			}
			missed = drains.addAndGet(-missed);
		}
		while (missed != 0);
	}

	/** Sends after the previous send completed: a WebSocket refuses overlapping sends. */
	private void send(WebSocket webSocket, JsonNode frame) {
		String text = frame.toString();
		synchronized (sendLock) {
			sending = sending.handle((ignored, error) -> null)
				.thenCompose(ignored -> webSocket.isOutputClosed() ? CompletableFuture.completedFuture(null)
						: webSocket.sendText(text, true));
		}
	}

	private void close(WebSocket webSocket) {
		synchronized (sendLock) {
			sending = sending.handle((ignored, error) -> null)
				.thenCompose(ignored -> webSocket.isOutputClosed() ? CompletableFuture.completedFuture(null)
						: webSocket.sendClose(WebSocket.NORMAL_CLOSURE, ""));
		}
	}

}
