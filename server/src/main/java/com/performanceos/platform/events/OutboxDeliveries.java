package com.performanceos.platform.events;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The SQL of the relay over {@code outbox_event} and {@code outbox_delivery}. These system tables carry no
 * row-level security: the relay works across tenants and binds none.
 */
@Component
final class OutboxDeliveries {

	/** Longest {@code last_error} kept: enough to diagnose, too short to bloat a row that is retried for hours. */
	static final int ERROR_LENGTH_MAX = 1_000;

	/** Caps the exponent of the backoff so that doubling never overflows before the maximum applies. */
	private static final int BACKOFF_DOUBLINGS_MAX = 30;

	/** Seed of the sink lock's hash, apart from the seeds other advisory locks use (imports 0, rules 40). */
	private static final int SINK_LOCK_SEED = 1_001;

	private final DatabaseClient client;

	private final TransactionalOperator transactions;

	OutboxDeliveries(DatabaseClient client, TransactionalOperator transactions) {
		this.client = client;
		this.transactions = transactions;
	}

	/**
	 * Runs {@code work} on the due deliveries of {@code sink} (at most {@code limit}, oldest event first, and no more
	 * payload than {@code maxBytes} counted before each event), locked for the length of one transaction. One relay at
	 * a time drains a sink, whichever instance it runs in: the others find the sink's lock taken and get an empty batch
	 * instead of waiting. Two instances draining side by side would each take a part of the due rows and could hand a
	 * later event to the sink first (a subscriber hearing a rollback before the publication it undoes); holding the
	 * sink keeps every sink's deliveries in the order they were written. The transaction commits when {@code work} completes and
	 * rolls back, releasing the rows and the sink untouched, when it fails.
	 */
	<T> Mono<T> inClaim(String sink, int limit, long maxBytes, Function<List<DomainEvent>, Mono<T>> work) {
		Mono<List<DomainEvent>> batch = holdSink(sink)
			.flatMap(held -> held ? claim(sink, limit, maxBytes).collectList() : Mono.just(List.<DomainEvent>of()));
		return transactions.transactional(batch.flatMap(work));
	}

	/** Takes the sink's transaction-scoped advisory lock if no other relay holds it; never waits. */
	private Mono<Boolean> holdSink(String sink) {
		return client.sql("SELECT pg_try_advisory_xact_lock(hashtextextended(:sink, " + SINK_LOCK_SEED + ")) AS held")
			.bind("sink", sink)
			.map(row -> Boolean.TRUE.equals(row.get("held", Boolean.class)))
			.one();
	}

	private Flux<DomainEvent> claim(String sink, int limit, long maxBytes) {
		// The deliveries are taken in the order they were written (seq, walked on the (sink, seq) index, so a claim reads
		// what it takes, not the whole backlog). The sizes come from the stored lengths of the taken events only; rows
		// locked beyond the byte budget are released at commit and claimed by the next batch. Only the delivery rows
		// are locked: other sinks' relays deliver the same events at the same time.
		return client.sql("""
				WITH due AS (
				  SELECT d.event_id, d.seq
				  FROM outbox_delivery d
				  WHERE d.sink = :sink AND d.next_attempt_at <= clock_timestamp()
				  ORDER BY d.seq
				  LIMIT :limit
				  FOR UPDATE SKIP LOCKED
				), taken AS (
				  SELECT due.event_id, due.seq,
				         sum(octet_length(e.payload::text)) OVER (ORDER BY due.seq) - octet_length(e.payload::text) AS bytes_before
				  FROM due JOIN outbox_event e ON e.id = due.event_id
				)
				SELECT e.id, e.tenant_id, e.type, e.occurred_at, e.payload::text AS payload
				FROM taken t JOIN outbox_event e ON e.id = t.event_id
				WHERE t.bytes_before < :maxBytes
				ORDER BY t.seq""")
			.bind("sink", sink)
			.bind("limit", limit)
			.bind("maxBytes", maxBytes)
			.map(OutboxDeliveries::toEvent)
			.all();
	}

	/**
	 * Moves the delivery of {@code event} to {@code sink} out of the relay's way into {@code outbox_parked}, keeping the
	 * event for a replay. Must run inside {@link #inClaim}. An event parked before and replayed is parked again in the
	 * same row, its attempts added up.
	 */
	Mono<Void> park(String sink, DomainEvent event, String reason) {
		return client.sql("""
				WITH gone AS (
				  DELETE FROM outbox_delivery WHERE sink = :sink AND event_id = :eventId RETURNING attempts
				)
				INSERT INTO outbox_parked AS p (id, event_id, sink, tenant_id, event_type, occurred_at, reason, attempts)
				SELECT :id, :eventId, :sink, :tenant, :type, :occurredAt, :reason, attempts + 1 FROM gone
				ON CONFLICT (event_id, sink) DO UPDATE
				SET reason = EXCLUDED.reason, attempts = p.attempts + EXCLUDED.attempts, parked_at = clock_timestamp(),
				    replayed_at = NULL, replayed_by = NULL""")
			.bind("id", UUID.randomUUID())
			.bind("eventId", event.id())
			.bind("sink", sink)
			.bind("tenant", event.tenant())
			.bind("type", event.type())
			.bind("occurredAt", event.occurredAt().atOffset(java.time.ZoneOffset.UTC))
			.bind("reason", truncate(reason))
			.then();
	}

	/**
	 * Removes the delivered rows, then every event of the batch no sink still waits for. Must run inside
	 * {@link #inClaim}. The events are locked in id order first so that relays of different sinks finishing the
	 * same events serialise here: the later one then sees the other's deletion and removes the event.
	 */
	Mono<Void> complete(String sink, List<UUID> eventIds) {
		UUID[] ids = eventIds.toArray(UUID[]::new);
		return client.sql("DELETE FROM outbox_delivery WHERE sink = :sink AND event_id = ANY(:ids)")
			.bind("sink", sink)
			.bind("ids", ids)
			.then()
			.then(client.sql("SELECT id FROM outbox_event WHERE id = ANY(:ids) ORDER BY id FOR UPDATE")
				.bind("ids", ids)
				.map(row -> row.get("id", UUID.class))
				.all()
				.then())
			.then(client.sql("""
					DELETE FROM outbox_event e WHERE e.id = ANY(:ids)
					AND NOT EXISTS (SELECT 1 FROM outbox_delivery d WHERE d.event_id = e.id)
					AND NOT EXISTS (SELECT 1 FROM outbox_parked p WHERE p.event_id = e.id AND p.replayed_at IS NULL)""")
				.bind("ids", ids)
				.then());
	}

	/**
	 * Records a failed attempt in its own short transaction (or in the claim's, when called inside it): the next attempt waits {@code initialBackoff} doubled
	 * once per earlier failure, at most {@code maxBackoff}. The rows stay; nothing is dropped.
	 */
	Mono<Void> recordFailure(String sink, List<UUID> eventIds, Throwable error, Duration initialBackoff,
			Duration maxBackoff) {
		String truncated = truncate(String.valueOf(error));
		return client.sql("""
				UPDATE outbox_delivery
				SET attempts = attempts + 1, last_error = :error,
				    next_attempt_at = clock_timestamp() + make_interval(secs =>
				        least(:initialSeconds * power(2, least(attempts, :doublingsMax)), :maxSeconds))
				WHERE sink = :sink AND event_id = ANY(:ids)""")
			.bind("error", truncated)
			.bind("initialSeconds", initialBackoff.toMillis() / 1000.0)
			.bind("doublingsMax", BACKOFF_DOUBLINGS_MAX)
			.bind("maxSeconds", maxBackoff.toMillis() / 1000.0)
			.bind("sink", sink)
			.bind("ids", eventIds.toArray(UUID[]::new))
			.then()
			.as(transactions::transactional);
	}

	/** Per sink: how many events are parked and not replayed. */
	Flux<Parked> parkedBacklog() {
		return client.sql("SELECT sink, count(*) AS parked FROM outbox_parked WHERE replayed_at IS NULL GROUP BY sink")
			.map(row -> new Parked(row.get("sink", String.class), row.get("parked", Long.class)))
			.all();
	}

	/** Per sink with pending deliveries: how many, and the age of the oldest, due or not. */
	Flux<Backlog> backlog() {
		return client.sql("""
				SELECT d.sink, count(*) AS pending,
				       extract(epoch FROM clock_timestamp() - min(e.created_at))::float8 AS lag_seconds
				FROM outbox_delivery d JOIN outbox_event e ON e.id = d.event_id
				GROUP BY d.sink""")
			.map(row -> new Backlog(row.get("sink", String.class), row.get("pending", Long.class),
					row.get("lag_seconds", Double.class)))
			.all();
	}

	private static String truncate(String message) {
		return message.length() > ERROR_LENGTH_MAX ? message.substring(0, ERROR_LENGTH_MAX) : message;
	}

	private static DomainEvent toEvent(Readable row) {
		return new DomainEvent(row.get("id", UUID.class), row.get("tenant_id", String.class),
				row.get("type", String.class), row.get("occurred_at", OffsetDateTime.class).toInstant(),
				row.get("payload", String.class));
	}

	/**
	 * The pending work of one sink.
	 *
	 * @param sink the sink name
	 * @param pending deliveries not yet acknowledged
	 * @param lagSeconds age of the oldest of them
	 */
	record Backlog(String sink, long pending, double lagSeconds) {
	}

	/**
	 * The parked events of one sink.
	 *
	 * @param sink the sink name
	 * @param parked events parked and not replayed
	 */
	record Parked(String sink, long parked) {
	}

}
