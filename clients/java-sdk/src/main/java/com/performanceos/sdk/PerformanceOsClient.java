package com.performanceos.sdk;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jspecify.annotations.Nullable;

import com.performanceos.sdk.generated.types.AccountBalanceConnection;
import com.performanceos.sdk.generated.types.AccountConnection;
import com.performanceos.sdk.generated.types.AccountCreatedEvent;
import com.performanceos.sdk.generated.types.CreateAccountInput;
import com.performanceos.sdk.generated.types.CreateAccountPayload;
import com.performanceos.sdk.generated.types.JournalEntryConnection;
import com.performanceos.sdk.generated.types.LedgerCube;
import com.performanceos.sdk.generated.types.LedgerCubeInput;
import com.performanceos.sdk.generated.types.PostJournalEntriesInput;
import com.performanceos.sdk.generated.types.PostJournalEntriesPayload;
import com.performanceos.sdk.generated.types.PostJournalEntryInput;
import com.performanceos.sdk.generated.types.PostJournalEntryPayload;
import com.performanceos.sdk.generated.types.ReverseJournalEntryInput;
import com.performanceos.sdk.generated.types.ReverseJournalEntryPayload;
import com.performanceos.sdk.generated.types.Viewer;

/**
 * A client of one Performance OS server, safe to share between threads. Queries and mutations go
 * over HTTP ({@code POST /graphql}) and block the calling thread; subscriptions go over a WebSocket
 * ({@code /graphql-ws}) each, as a {@link Flow.Publisher}. Results are the types generated from the
 * schema; business failures of mutations come back in their payload's {@code userErrors}, anything
 * else that stops a call is a {@link PerformanceOsException} with the server's code and trace id.
 *
 * <pre>{@code
 * PerformanceOsClient client = PerformanceOsClient.builder()
 *     .url("https://performance-os.example.com")
 *     .tokenProvider(() -> myIdentityProvider.accessToken())
 *     .build();
 * Viewer viewer = client.viewer();
 * }</pre>
 */
public final class PerformanceOsClient {

	private final HttpClient http;

	private final Supplier<String> tokens;

	private final ObjectMapper json;

	private final HttpTransport.ClientSettings settings;

	private final HttpTransport transport;

	private final URI webSocketUri;

	private PerformanceOsClient(Builder builder, URI graphQlUri, URI webSocketUri) {
		this.http = builder.httpClient != null ? builder.httpClient
				: HttpClient.newBuilder().connectTimeout(builder.connectTimeout).build();
		this.tokens = Objects.requireNonNull(builder.tokenProvider, "tokenProvider");
		this.json = Json.newMapper();
		this.settings = new HttpTransport.ClientSettings(builder.requestTimeout, builder.persistedQueries,
				builder.maxThrottleRetries, builder.maxThrottleWait, builder.throttleListener,
				builder.connectionInitTimeout, builder.subscriptionBufferMax);
		this.transport = new HttpTransport(http, graphQlUri, tokens, json, settings);
		this.webSocketUri = webSocketUri;
	}

	public static Builder builder() {
		return new Builder();
	}

	/** Who the token is: subject, tenant and roles ({@link Operations#VIEWER}). */
	public Viewer viewer() {
		return required(Operations.VIEWER, Map.of());
	}

	/** One page of the chart of accounts ({@link Operations#ACCOUNTS}); {@code first} is at most 100. */
	public AccountConnection accounts(@Nullable Integer first, @Nullable String after) {
		return required(Operations.ACCOUNTS, variables("first", first, "after", after));
	}

	/** Creates an account ({@link Operations#CREATE_ACCOUNT}); replaying its idempotency key returns the original. */
	public CreateAccountPayload createAccount(CreateAccountInput input) {
		return required(Operations.CREATE_ACCOUNT, Map.of("input", input));
	}

	/** One page of journal entries, optionally within effective dates ({@link Operations#JOURNAL_ENTRIES}). */
	public JournalEntryConnection journalEntries(@Nullable Integer first, @Nullable String after,
			@Nullable LocalDate effectiveFrom, @Nullable LocalDate effectiveTo) {
		return required(Operations.JOURNAL_ENTRIES,
				variables("first", first, "after", after, "effectiveFrom", effectiveFrom, "effectiveTo", effectiveTo));
	}

	/** Posts one balanced journal entry ({@link Operations#POST_JOURNAL_ENTRY}). */
	public PostJournalEntryPayload postJournalEntry(PostJournalEntryInput input) {
		return required(Operations.POST_JOURNAL_ENTRY, Map.of("input", input));
	}

	/** Posts many entries, all or nothing ({@link Operations#POST_JOURNAL_ENTRIES}). */
	public PostJournalEntriesPayload postJournalEntries(PostJournalEntriesInput input) {
		return required(Operations.POST_JOURNAL_ENTRIES, Map.of("input", input));
	}

	/** Reverses a posted entry ({@link Operations#REVERSE_JOURNAL_ENTRY}). */
	public ReverseJournalEntryPayload reverseJournalEntry(ReverseJournalEntryInput input) {
		return required(Operations.REVERSE_JOURNAL_ENTRY, Map.of("input", input));
	}

	/** Balances per account on a date, as known at a time ({@link Operations#ACCOUNT_BALANCES}). */
	public AccountBalanceConnection accountBalances(LocalDate asOf, @Nullable OffsetDateTime knownAt,
			@Nullable Integer first, @Nullable String after) {
		return required(Operations.ACCOUNT_BALANCES,
				variables("asOf", asOf, "knownAt", knownAt, "first", first, "after", after));
	}

	/** Measures of posted lines by account and/or currency over a time grain ({@link Operations#LEDGER_CUBE}). */
	public LedgerCube ledgerCube(LedgerCubeInput input) {
		return required(Operations.LEDGER_CUBE, Map.of("input", input));
	}

	/**
	 * Accounts created in the caller's tenant from the moment the subscription is active
	 * ({@link Operations#ACCOUNT_CREATED}). Each subscriber opens its own WebSocket.
	 */
	public Flow.Publisher<AccountCreatedEvent> accountCreated() {
		return subscribe(Operations.ACCOUNT_CREATED, Map.of());
	}

	/**
	 * Runs a query or mutation and reads its first root field into the operation's type; null only
	 * when that field is nullable and null.
	 */
	public <T> @Nullable T execute(Operation<T> operation, Map<String, ?> variables) {
		return executeForResponse(operation, variables).data();
	}

	/** Like {@link #execute} with the response's cost, trace id and number of attempts. */
	public <T> GraphQlResponse<@Nullable T> executeForResponse(Operation<T> operation, Map<String, ?> variables) {
		if (operation.kind() == Operation.Kind.SUBSCRIPTION) {
			throw new IllegalArgumentException(operation + " is a subscription: use subscribe");
		}
		HttpTransport.Exchange exchange = transport.execute(operation, variables);
		JsonNode value = exchange.data().get(operation.rootField());
		if (value == null) {
			throw new PerformanceOsException(PerformanceOsException.PROTOCOL_ERROR,
					"The response lacks " + operation.rootField(), exchange.traceId(), 200, List.of(),
					exchange.data(), null);
		}
		T data;
		try {
			data = value.isNull() ? null : json.treeToValue(value, operation.resultType());
		}
		catch (JsonProcessingException ex) {
			throw new PerformanceOsException(PerformanceOsException.PROTOCOL_ERROR, "The response's " + operation.rootField()
					+ " does not fit " + operation.resultType().getSimpleName(), exchange.traceId(), 200,
					List.of(), exchange.data(), ex);
		}
		return new GraphQlResponse<>(data, exchange.cost(), exchange.traceId(), exchange.attempts());
	}

	/**
	 * A subscription as a cold publisher: each {@code subscribe} opens a WebSocket, authenticates in
	 * {@code connection_init} and delivers events as requested; cancelling closes it. A subscriber
	 * that falls more than the configured buffer behind gets an error.
	 */
	public <T> Flow.Publisher<T> subscribe(Operation<T> operation, Map<String, ?> variables) {
		if (operation.kind() != Operation.Kind.SUBSCRIPTION) {
			throw new IllegalArgumentException(operation + " is not a subscription: use execute");
		}
		Map<String, ?> copy = Map.copyOf(variables);
		return subscriber -> new WebSocketSubscription<>(http, webSocketUri, tokens, json, operation, copy, settings,
				Objects.requireNonNull(subscriber, "subscriber")).start();
	}

	private <T> T required(Operation<T> operation, Map<String, ?> variables) {
		T result = execute(operation, variables);
		if (result == null) {
			throw PerformanceOsException.client(PerformanceOsException.PROTOCOL_ERROR,
					"The non-null " + operation.rootField() + " came back null", null);
		}
		return result;
	}

	/** Variables from name/value pairs, leaving out the null values (the argument is then not given). */
	private static Map<String, Object> variables(@Nullable Object... namesAndValues) {
		Map<String, Object> variables = new LinkedHashMap<>();
		for (int index = 0; index < namesAndValues.length; index += 2) {
			Object value = namesAndValues[index + 1];
			if (value != null) {
				variables.put(String.valueOf(namesAndValues[index]), value);
			}
		}
		return variables;
	}

	/** Settings of a client; {@link #url} and {@link #tokenProvider} are required. */
	public static final class Builder {

		private @Nullable URI url;

		private String graphQlPath = "/graphql";

		private String webSocketPath = "/graphql-ws";

		private @Nullable Supplier<String> tokenProvider;

		private @Nullable HttpClient httpClient;

		private Duration connectTimeout = Duration.ofSeconds(10);

		private Duration requestTimeout = Duration.ofSeconds(30);

		private boolean persistedQueries = true;

		private int maxThrottleRetries = 3;

		private Duration maxThrottleWait = Duration.ofSeconds(30);

		private Consumer<ThrottledRetry> throttleListener = retry -> {
		};

		private Duration connectionInitTimeout = Duration.ofSeconds(10);

		private int subscriptionBufferMax = 1_000;

		private Builder() {
		}

		/** The server's base URL, e.g. {@code https://performance-os.example.com} (http or https). */
		public Builder url(String url) {
			return url(URI.create(url));
		}

		public Builder url(URI url) {
			String scheme = url.getScheme();
			if (!"http".equals(scheme) && !"https".equals(scheme)) {
				throw new IllegalArgumentException("The URL must be http or https: " + url);
			}
			this.url = url;
			return this;
		}

		/** The path of GraphQL over HTTP; {@code /graphql} by default. */
		public Builder graphQlPath(String path) {
			this.graphQlPath = requirePath(path);
			return this;
		}

		/** The path of the {@code graphql-transport-ws} endpoint; {@code /graphql-ws} by default. */
		public Builder webSocketPath(String path) {
			this.webSocketPath = requirePath(path);
			return this;
		}

		/**
		 * Supplies the bearer access token (without {@code Bearer }); called for every request and every
		 * WebSocket, so it may refresh tokens.
		 */
		public Builder tokenProvider(Supplier<String> tokenProvider) {
			this.tokenProvider = Objects.requireNonNull(tokenProvider, "tokenProvider");
			return this;
		}

		/** An HTTP client of your own (proxy, TLS, executor); one is built otherwise. */
		public Builder httpClient(HttpClient httpClient) {
			this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
			return this;
		}

		/** How long opening a connection may take; 10 seconds by default (ignored with your own HTTP client). */
		public Builder connectTimeout(Duration timeout) {
			this.connectTimeout = requirePositive(timeout, "connectTimeout");
			return this;
		}

		/** How long one HTTP exchange may take; 30 seconds by default. */
		public Builder requestTimeout(Duration timeout) {
			this.requestTimeout = requirePositive(timeout, "requestTimeout");
			return this;
		}

		/** Whether to send automatic persisted queries (the document's hash first); on by default. */
		public Builder persistedQueries(boolean enabled) {
			this.persistedQueries = enabled;
			return this;
		}

		/** How many times a throttled call is retried (0 to 10); 3 by default. */
		public Builder maxThrottleRetries(int retries) {
			if (retries < 0 || retries > 10) {
				throw new IllegalArgumentException("maxThrottleRetries must be 0 to 10, got " + retries);
			}
			this.maxThrottleRetries = retries;
			return this;
		}

		/** The longest wait for one retry; a throttled answer asking for longer fails at once. 30 seconds by default. */
		public Builder maxThrottleWait(Duration wait) {
			if (wait.isNegative() || wait.compareTo(Duration.ofMinutes(10)) > 0) {
				throw new IllegalArgumentException("maxThrottleWait must be 0 to 10 minutes, got " + wait);
			}
			this.maxThrottleWait = wait;
			return this;
		}

		/** Told before each throttling wait, e.g. to log or count them. */
		public Builder throttleListener(Consumer<ThrottledRetry> listener) {
			this.throttleListener = Objects.requireNonNull(listener, "listener");
			return this;
		}

		/** How long a new WebSocket may wait for the server's {@code connection_ack}; 10 seconds by default. */
		public Builder connectionInitTimeout(Duration timeout) {
			this.connectionInitTimeout = requirePositive(timeout, "connectionInitTimeout");
			return this;
		}

		/** The most events kept for a subscriber that has not requested them (1 to 100,000); 1,000 by default. */
		public Builder subscriptionBufferMax(int events) {
			if (events < 1 || events > 100_000) {
				throw new IllegalArgumentException("subscriptionBufferMax must be 1 to 100000, got " + events);
			}
			this.subscriptionBufferMax = events;
			return this;
		}

		public PerformanceOsClient build() {
			URI base = Objects.requireNonNull(url, "url is required");
			Objects.requireNonNull(tokenProvider, "tokenProvider is required");
			String root = base.toString().replaceAll("/+$", "");
			URI graphQl = URI.create(root + graphQlPath);
			URI webSocket = URI.create(root.replaceFirst("^http", "ws") + webSocketPath);
			return new PerformanceOsClient(this, graphQl, webSocket);
		}

		private static String requirePath(String path) {
			if (!path.startsWith("/")) {
				throw new IllegalArgumentException("A path starts with '/': " + path);
			}
			return path;
		}

		private static Duration requirePositive(Duration duration, String name) {
			if (duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException(name + " must be positive, got " + duration);
			}
			return duration;
		}

	}

}
