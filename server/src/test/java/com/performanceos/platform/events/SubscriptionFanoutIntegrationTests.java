package com.performanceos.platform.events;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.GraphQlClient;
import org.springframework.graphql.client.HttpGraphQlClient;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import com.performanceos.PerformanceOsApplication;
import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two server instances on one PostgreSQL and one Redis: the test context's server is instance A, a second
 * application in this JVM is instance B. Subscribers on A must see what is written through B.
 */
class SubscriptionFanoutIntegrationTests extends IntegrationTest {

	private static final Duration DELIVERY_WINDOW = Duration.ofSeconds(5);

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

	/** The close code graphql-transport-ws assigns to a refused {@code connection_init}. */
	private static final int UNAUTHORIZED_CLOSE_CODE = 4401;

	private static final String ACCOUNT_CREATED = document("accountCreated");

	private static ConfigurableApplicationContext instanceB;

	@Autowired
	MeterRegistry meters;

	@BeforeAll
	static void startInstanceB() {
		instanceB = new SpringApplicationBuilder(PerformanceOsApplication.class).run("--server.port=0");
	}

	@AfterAll
	static void stopInstanceB() {
		if (instanceB != null) {
			instanceB.close();
		}
	}

	@Test
	void subscribersOnBothTransportsOfOneInstanceReceiveAnAccountCreatedThroughTheOther() throws Exception {
		String tenant = newTenant("fanout");
		String otherTenant = newTenant("fanout-other");
		double openBefore = activeSubscriptions();
		CompletableFuture<Map<String, Object>> overWebSocket = firstEvent(webSocket(tokens.token(tenant, Role.FINANCE)));
		CompletableFuture<Map<String, Object>> overSse = firstEvent(sse(tokens.token(tenant, Role.AUDITOR)));
		List<Map<String, Object>> otherTenantReceived = new CopyOnWriteArrayList<>();
		Disposable otherTenantSubscription = webSocket(tokens.token(otherTenant, Role.ADMIN)).document(ACCOUNT_CREATED)
			.retrieveSubscription("accountCreated")
			.toEntity(Map.class)
			.subscribe(event -> otherTenantReceived.add(stringKeyed(event)));
		try {
			await().atMost(CONNECT_TIMEOUT).until(() -> activeSubscriptions() >= openBefore + 3);

			long sentAt = System.nanoTime();
			onInstanceB(tenant, Role.ADMIN).documentName("createAccount")
				.variable("input", Map.of("idempotencyKey", "fan-1", "code", "512900", "name", "Bank through B", "type",
						"ASSET", "currency", "EUR"))
				.execute()
				.path("createAccount.userErrors").entityList(Object.class).hasSize(0);

			Map<String, Object> viaWebSocket = overWebSocket.get(DELIVERY_WINDOW.toMillis(), TimeUnit.MILLISECONDS);
			Map<String, Object> viaSse = overSse.get(remaining(sentAt), TimeUnit.MILLISECONDS);
			assertThat(account(viaWebSocket)).containsEntry("code", "512900");
			assertThat(account(viaSse)).containsEntry("code", "512900");
			String eventId = (String) viaWebSocket.get("eventId");
			assertThat(UUID.fromString(eventId)).isNotNull();
			assertThat(viaSse).containsEntry("eventId", eventId);

			// Another tenant's subscriber, on the same instance, hears nothing for the whole window.
			await().during(Duration.ofMillis(remaining(sentAt)))
				.atMost(DELIVERY_WINDOW.plusSeconds(1))
				.until(otherTenantReceived::isEmpty);
		}
		finally {
			otherTenantSubscription.dispose();
			overWebSocket.cancel(true);
			overSse.cancel(true);
		}
	}

	@Test
	void aRoleWithoutAccessIsRefusedOnBothTransports() {
		String tenant = newTenant("fanout-rep");
		String token = tokens.token(tenant, Role.REP);
		assertThat(refusal(webSocket(token))).extracting(error -> error.getExtensions().get("code")).isEqualTo("FORBIDDEN");
		assertThat(refusal(sse(token))).extracting(error -> error.getExtensions().get("code")).isEqualTo("FORBIDDEN");
	}

	@Test
	void aWebSocketWithoutATokenInConnectionInitIsClosed() {
		List<String> received = new CopyOnWriteArrayList<>();
		WebSocketHandler anonymous = new WebSocketHandler() {

			@Override
			public List<String> getSubProtocols() {
				return List.of("graphql-transport-ws");
			}

			@Override
			public Mono<Void> handle(WebSocketSession session) {
				return session.send(Mono.just(session.textMessage("{\"type\":\"connection_init\",\"payload\":{}}")))
					.thenMany(session.receive().map(WebSocketMessage::getPayloadAsText).doOnNext(received::add))
					.then();
			}

		};
		List<CloseStatus> closed = new CopyOnWriteArrayList<>();
		new ReactorNettyWebSocketClient()
			.execute(URI.create("ws://127.0.0.1:" + port + "/graphql-ws"), new HttpHeaders(), session -> anonymous
				.handle(session)
				.and(session.closeStatus().doOnNext(closed::add)))
			.block(CONNECT_TIMEOUT);
		assertThat(received).as("messages before the close, connection_ack included").isEmpty();
		assertThat(closed).singleElement()
			.satisfies(status -> assertThat(status.getCode()).isEqualTo(UNAUTHORIZED_CLOSE_CODE));
	}

	private static CompletableFuture<Map<String, Object>> firstEvent(GraphQlClient client) {
		return client.document(ACCOUNT_CREATED)
			.retrieveSubscription("accountCreated")
			.toEntity(Map.class)
			.next()
			.map(SubscriptionFanoutIntegrationTests::stringKeyed)
			.toFuture();
	}

	/** The single error a refused subscription ends with, whichever way the transport reports it. */
	private static ResponseError refusal(GraphQlClient client) {
		List<ResponseError> errors = client.document(ACCOUNT_CREATED)
			.executeSubscription()
			.map(ClientGraphQlResponse::getErrors)
			.onErrorResume(SubscriptionErrorException.class, refused -> Mono.just(refused.getErrors()))
			.blockFirst(CONNECT_TIMEOUT);
		assertThat(errors).hasSize(1);
		return errors.get(0);
	}

	private WebSocketGraphQlClient webSocket(String token) {
		return WebSocketGraphQlClient.builder("ws://127.0.0.1:" + port + "/graphql-ws", new ReactorNettyWebSocketClient())
			.interceptor(new WebSocketGraphQlClientInterceptor() {

				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(Map.of("Authorization", "Bearer " + token));
				}

			})
			.build();
	}

	/** Spring's HTTP client runs subscriptions as GraphQL over SSE ({@code Accept: text/event-stream}). */
	private HttpGraphQlClient sse(String token) {
		return HttpGraphQlClient.builder(WebClient.builder().baseUrl("http://127.0.0.1:" + port + "/graphql"))
			.header("Authorization", "Bearer " + token)
			.build();
	}

	private HttpGraphQlTester onInstanceB(String tenant, Role role) {
		int portB = instanceB.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		return HttpGraphQlTester.builder(WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + portB + "/graphql"))
			.header("Authorization", "Bearer " + tokens.token(tenant, role))
			.build();
	}

	private double activeSubscriptions() {
		return meters.get("graphql.subscriptions.active").gauge().value();
	}

	private static long remaining(long sentAtNanos) {
		long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentAtNanos);
		return Math.max(1, DELIVERY_WINDOW.toMillis() - elapsedMillis);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> account(Map<String, Object> event) {
		return (Map<String, Object>) event.get("account");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> stringKeyed(Map<?, ?> event) {
		return (Map<String, Object>) event;
	}

	private static String document(String name) {
		try {
			return new ClassPathResource("graphql-test/" + name + ".graphql").getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Missing test document " + name, ex);
		}
	}

}
