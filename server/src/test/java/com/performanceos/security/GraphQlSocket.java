package com.performanceos.security;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * A raw {@code graphql-transport-ws} connection that sees what a client sees: every message the
 * server sends, and the close code when the server closes it. It sends {@code connection_init}
 * with the token, then the given messages, and stays open until {@link #close()}.
 */
public final class GraphQlSocket {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<String> received = new CopyOnWriteArrayList<>();

	private final Sinks.One<CloseStatus> closed = Sinks.one();

	private final Sinks.Empty<Void> quit = Sinks.empty();

	private final Disposable connection;

	private GraphQlSocket(int port, String token, List<Map<String, Object>> messages) {
		List<String> texts = new ArrayList<>();
		texts.add(JSON.writeValueAsString(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + token))));
		for (Map<String, Object> message : messages) {
			texts.add(JSON.writeValueAsString(message));
		}
		WebSocketHandler handler = new WebSocketHandler() {

			@Override
			public List<String> getSubProtocols() {
				return List.of("graphql-transport-ws");
			}

			@Override
			public Mono<Void> handle(WebSocketSession session) {
				session.closeStatus().subscribe(closed::tryEmitValue);
				Flux<WebSocketMessage> out = Flux.fromIterable(texts).map(session::textMessage).concatWith(Mono.never());
				Mono<Void> in = session.receive().doOnNext(message -> received.add(message.getPayloadAsText())).then();
				return Mono.firstWithSignal(session.send(out), in, quit.asMono().then(session.close()));
			}

		};
		this.connection = new ReactorNettyWebSocketClient().execute(URI.create("ws://127.0.0.1:" + port + "/graphql-ws"), new HttpHeaders(), handler)
			.subscribe();
	}

	public static GraphQlSocket open(int port, String token, List<Map<String, Object>> messages) {
		return new GraphQlSocket(port, token, messages);
	}

	public static Map<String, Object> subscribe(String id, String document) {
		return Map.of("id", id, "type", "subscribe", "payload", Map.of("query", document));
	}

	/** Waits for the server's acknowledgement of {@code connection_init}. */
	public GraphQlSocket acknowledged() {
		await().atMost(Duration.ofSeconds(20)).until(() -> received.stream().anyMatch(text -> text.contains("\"connection_ack\"")));
		return this;
	}

	/** Waits for the server to close the connection, and answers its close code. */
	int closedByServerWithin(Duration timeout) {
		CloseStatus status = closed.asMono().block(timeout);
		return status != null ? status.getCode() : -1;
	}

	public List<String> received() {
		return received;
	}

	public void close() {
		quit.tryEmitEmpty();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> closed.asMono().toFuture().isDone());
		}
		finally {
			connection.dispose();
		}
	}

}
