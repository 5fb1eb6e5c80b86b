package com.performanceos.platform.events;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.audit.AuditTrail;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * The tenant's view of its parked events, and their replay. {@code outbox_parked} carries no row-level security (the
 * relay writes it across tenants), so every statement here filters on the tenant itself.
 */
@Component
final class ParkedEvents {

	private final TenantDatabase database;

	private final AuditTrail audit;

	ParkedEvents(TenantDatabase database, AuditTrail audit) {
		this.database = database;
		this.audit = audit;
	}

	/** One page of the tenant's parked events in parking order; replayed ones only when asked. */
	Mono<Connection<ParkedEvent>> list(String tenant, PageRequest page, boolean includeReplayed) {
		Long cursor = page.cursorKey() != null ? parseCursor(page.cursorKey()) : null;
		String filter = includeReplayed ? "" : " AND replayed_at IS NULL";
		String keyset = cursor == null ? "" : page.forward() ? " AND seq > :cursor" : " AND seq < :cursor";
		String order = page.forward() ? "ASC" : "DESC";
		return database.inTransaction(tenant, db -> {
			DatabaseClient.GenericExecuteSpec select = db
				.sql("SELECT " + ParkedEvent.COLUMNS + " FROM outbox_parked WHERE tenant_id = :tenant" + filter + keyset
						+ " ORDER BY seq " + order + " LIMIT :limit")
				.bind("tenant", tenant)
				.bind("limit", page.size() + 1);
			if (cursor != null) {
				select = select.bind("cursor", cursor);
			}
			Mono<List<ParkedEvent>> rows = select.map(ParkedEvent::from).all().collectList();
			Mono<Long> total = db.sql("SELECT count(*) AS total FROM outbox_parked WHERE tenant_id = :tenant" + filter)
				.bind("tenant", tenant)
				.map(row -> row.get("total", Long.class))
				.one();
			return rows.zipWith(total, (found, count) -> Connection.fromKeyset(page, found,
					parked -> Long.toString(parked.sequence()), Math.toIntExact(Math.min(count, Integer.MAX_VALUE))));
		});
	}

	/** The parked events with the given keys that the tenant owns, keyed by primary key. */
	Mono<Map<UUID, ParkedEvent>> load(String tenant, Collection<UUID> keys) {
		return database.inTransaction(tenant, db -> db
			.sql("SELECT " + ParkedEvent.COLUMNS + " FROM outbox_parked WHERE tenant_id = :tenant AND id = ANY(:keys)")
			.bind("tenant", tenant)
			.bind("keys", keys.toArray(UUID[]::new))
			.map(ParkedEvent::from)
			.all()
			.collectMap(ParkedEvent::key, Function.identity()));
	}

	/**
	 * Hands a parked event back to its sink: one new delivery, due now, and the row marked replayed, with an audit
	 * record, in one transaction. Replaying a row already replayed changes nothing and answers the row as it stands,
	 * so a retried request never delivers twice. Empty when the tenant has no such parked event.
	 */
	Mono<ParkedEvent> replay(Viewer viewer, UUID key, @Nullable String sourceAddress) {
		return database.run(viewer.tenant(), tx -> tx.db()
			.sql("SELECT " + ParkedEvent.COLUMNS + " FROM outbox_parked WHERE tenant_id = :tenant AND id = :id FOR UPDATE")
			.bind("tenant", viewer.tenant())
			.bind("id", key)
			.map(ParkedEvent::from)
			.one()
			.flatMap(parked -> parked.replayedAt() != null ? Mono.just(parked) : replay(tx, viewer, parked, sourceAddress)));
	}

	private Mono<ParkedEvent> replay(TenantTransaction tx, Viewer viewer, ParkedEvent parked, @Nullable String sourceAddress) {
		Mono<Void> delivery = tx.db().sql("""
				INSERT INTO outbox_delivery (event_id, sink) VALUES (:eventId, :sink)
				ON CONFLICT (event_id, sink) DO UPDATE SET next_attempt_at = clock_timestamp()""")
			.bind("eventId", parked.eventId())
			.bind("sink", parked.sink())
			.then();
		Mono<ParkedEvent> marked = tx.db().sql("UPDATE outbox_parked SET replayed_at = clock_timestamp(), replayed_by = :actor "
				+ "WHERE tenant_id = :tenant AND id = :id RETURNING " + ParkedEvent.COLUMNS)
			.bind("actor", viewer.subject())
			.bind("tenant", viewer.tenant())
			.bind("id", parked.key())
			.map(ParkedEvent::from)
			.one();
		return delivery.then(marked)
			.flatMap(replayed -> audit.record(tx, new AuditEntry(viewer.subject(), "platform.parked-event.replayed",
					ParkedEvent.TYPE_NAME, replayed.id(), sourceAddress, image(parked), image(replayed)))
				.thenReturn(replayed));
	}

	private static Map<String, Object> image(ParkedEvent parked) {
		Map<String, Object> image = new LinkedHashMap<>();
		image.put("eventId", parked.eventId().toString());
		image.put("eventType", parked.eventType());
		image.put("sink", parked.sink());
		image.put("reason", parked.reason());
		image.put("attempts", parked.attempts());
		image.put("replayedAt", parked.replayedAt() == null ? null : parked.replayedAt().toString());
		return image;
	}

	private static long parseCursor(String key) {
		try {
			return Long.parseLong(key);
		}
		catch (NumberFormatException ex) {
			throw new GraphQlException(ErrorCode.BAD_USER_INPUT, "Not a cursor returned by this API");
		}
	}

}
