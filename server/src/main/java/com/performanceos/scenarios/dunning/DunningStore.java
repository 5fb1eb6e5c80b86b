package com.performanceos.scenarios.dunning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.tenancy.TenantTransaction;

/** The dunning tables' SQL; every method runs in the caller's tenant transaction. */
@Component
class DunningStore {

	/** Most cadences (segments) and contacts a tenant reads at once. */
	static final int CADENCES_MAX = 100;

	static final int CONTACTS_MAX = 1_000;

	private static final String MESSAGE_COLUMNS = "id, seq, invoice_id, invoice_number, customer_code, segment, step, tone, channel, "
			+ "recipient, scheduled_on, subject, body, status, status_reason, sent_at, provider_ref, provider_code";

	private static final String CONTACT_COLUMNS = "id, customer_code, segment, email, phone, language";

	private static final TypeReference<List<DunningStep>> STEPS = new TypeReference<>() {
	};

	private final JsonMapper json;

	DunningStore(JsonMapper json) {
		this.json = json;
	}

	/** A message to claim: inserted once per (invoice, step), whatever the runs. */
	record NewMessage(UUID invoiceKey, String invoiceNumber, String customerCode, String segment, int step, DunningTone tone,
			DunningChannel channel, String recipient, LocalDate scheduledOn, String subject, String body, DunningMessageStatus status,
			@Nullable String statusReason) {
	}

	Mono<List<DunningCadence>> cadences(TenantTransaction tx) {
		return tx.db().sql("SELECT id, segment, steps::text AS steps, revision, updated_by, updated_at FROM scenarios_dunning_cadence ORDER BY segment LIMIT :limit")
			.bind("limit", CADENCES_MAX)
			.map(this::toCadence)
			.all()
			.collectList();
	}

	Mono<DunningCadence> saveCadence(TenantTransaction tx, String segment, List<DunningStep> steps, String actor) {
		return tx.db().sql("""
				INSERT INTO scenarios_dunning_cadence (tenant_id, id, segment, steps, updated_by)
				VALUES (:tenant, :id, :segment, CAST(:steps AS jsonb), :actor)
				ON CONFLICT (tenant_id, segment) DO UPDATE SET steps = excluded.steps, revision = scenarios_dunning_cadence.revision + 1,
				  updated_by = excluded.updated_by, updated_at = clock_timestamp()
				RETURNING id, segment, steps::text AS steps, revision, updated_by, updated_at""")
			.bind("tenant", tx.tenant())
			.bind("id", UUID.randomUUID())
			.bind("segment", segment)
			.bind("steps", json.writeValueAsString(steps))
			.bind("actor", actor)
			.map(this::toCadence)
			.one()
			// The scheduled run finds the tenant here (a table without tenant policy: it holds tenant names only).
			.flatMap(cadence -> tx.db().sql("INSERT INTO scenarios_dunning_tenant (tenant_id) VALUES (:tenant) ON CONFLICT DO NOTHING")
				.bind("tenant", tx.tenant())
				.fetch()
				.rowsUpdated()
				.thenReturn(cadence));
	}

	Mono<List<DunningContact>> contacts(TenantTransaction tx) {
		return tx.db().sql("SELECT " + CONTACT_COLUMNS + " FROM scenarios_dunning_contact ORDER BY customer_code LIMIT :limit")
			.bind("limit", CONTACTS_MAX)
			.map(DunningStore::toContact)
			.all()
			.collectList();
	}

	Mono<List<DunningContact>> contactsOf(TenantTransaction tx, String segment) {
		return tx.db().sql("SELECT " + CONTACT_COLUMNS + " FROM scenarios_dunning_contact WHERE segment = :segment "
				+ "ORDER BY customer_code LIMIT :limit")
			.bind("segment", segment)
			.bind("limit", CONTACTS_MAX)
			.map(DunningStore::toContact)
			.all()
			.collectList();
	}

	Mono<DunningContact> saveContact(TenantTransaction tx, String customerCode, String segment, String email, @Nullable PhoneNumber phone,
			DunningLanguage language, String actor) {
		var spec = tx.db().sql("""
				INSERT INTO scenarios_dunning_contact (tenant_id, id, customer_code, segment, email, phone, language, updated_by)
				VALUES (:tenant, :id, :customer, :segment, :email, :phone, :language, :actor)
				ON CONFLICT (tenant_id, customer_code) DO UPDATE SET segment = excluded.segment, email = excluded.email,
				  phone = excluded.phone, language = excluded.language, updated_by = excluded.updated_by, updated_at = clock_timestamp()
				RETURNING id, customer_code, segment, email, phone, language""")
			.bind("tenant", tx.tenant())
			.bind("id", UUID.randomUUID())
			.bind("customer", customerCode)
			.bind("segment", segment)
			.bind("email", email)
			.bind("language", language.name())
			.bind("actor", actor);
		spec = phone == null ? spec.bindNull("phone", String.class) : spec.bind("phone", phone.value());
		return spec.map(DunningStore::toContact).one();
	}

	/** The last step recorded of every invoice whose cadence has not stopped. */
	Mono<List<DunningPlan.Recorded>> activeSteps(TenantTransaction tx) {
		return tx.db().sql("""
				SELECT m.invoice_id, m.invoice_number, max(m.step) AS step FROM scenarios_dunning_message m
				WHERE NOT EXISTS (SELECT 1 FROM scenarios_dunning_stop s WHERE s.tenant_id = m.tenant_id AND s.invoice_id = m.invoice_id)
				GROUP BY m.invoice_id, m.invoice_number""")
			.map(row -> new DunningPlan.Recorded(row.get("invoice_id", UUID.class), row.get("invoice_number", String.class),
					row.get("step", Integer.class)))
			.all()
			.collectList();
	}

	Mono<List<UUID>> stoppedAmong(TenantTransaction tx, Collection<UUID> invoiceKeys) {
		return tx.db().sql("SELECT invoice_id FROM scenarios_dunning_stop WHERE invoice_id = ANY(:ids)")
			.bind("ids", invoiceKeys.toArray(UUID[]::new))
			.map(row -> row.get("invoice_id", UUID.class))
			.all()
			.collectList();
	}

	/** Records a stop; empty when the invoice's cadence had already stopped. */
	Mono<DunningStop> stop(TenantTransaction tx, UUID invoiceKey, String invoiceNumber, DunningStopReason reason, @Nullable String note,
			LocalDate stoppedOn, String actor) {
		var spec = tx.db().sql("""
				INSERT INTO scenarios_dunning_stop (tenant_id, id, invoice_id, invoice_number, reason, note, stopped_on, stopped_by)
				VALUES (:tenant, :id, :invoice, :number, :reason, :note, :on, :actor)
				ON CONFLICT (tenant_id, invoice_id) DO NOTHING""")
			.bind("tenant", tx.tenant())
			.bind("id", UUID.randomUUID())
			.bind("invoice", invoiceKey)
			.bind("number", invoiceNumber)
			.bind("reason", reason.name())
			.bind("on", stoppedOn)
			.bind("actor", actor);
		spec = note == null ? spec.bindNull("note", String.class) : spec.bind("note", note);
		return spec.fetch()
			.rowsUpdated()
			.filter(rows -> rows == 1)
			.map(rows -> new DunningStop(invoiceKey, invoiceNumber, reason, note, stoppedOn, actor));
	}

	/** Claims a message; empty when another run recorded this step of this invoice first. */
	Mono<DunningMessage> claim(TenantTransaction tx, NewMessage message) {
		var spec = tx.db().sql("INSERT INTO scenarios_dunning_message (tenant_id, id, invoice_id, invoice_number, customer_code, segment, "
				+ "step, tone, channel, recipient, scheduled_on, subject, body, status, status_reason) VALUES (:tenant, :id, :invoice, :number, "
				+ ":customer, :segment, :step, :tone, :channel, :recipient, :scheduled, :subject, :body, :status, :reason) "
				+ "ON CONFLICT (tenant_id, invoice_id, step) DO NOTHING RETURNING " + MESSAGE_COLUMNS)
			.bind("tenant", tx.tenant())
			.bind("id", UUID.randomUUID())
			.bind("invoice", message.invoiceKey())
			.bind("number", message.invoiceNumber())
			.bind("customer", message.customerCode())
			.bind("segment", message.segment())
			.bind("step", message.step())
			.bind("tone", message.tone().name())
			.bind("channel", message.channel().name())
			.bind("recipient", message.recipient())
			.bind("scheduled", message.scheduledOn())
			.bind("subject", message.subject())
			.bind("body", message.body())
			.bind("status", message.status().name());
		spec = message.statusReason() == null ? spec.bindNull("reason", String.class) : spec.bind("reason", message.statusReason());
		return spec.map(DunningStore::toMessage).one();
	}

	/** Claims again, for another attempt, the messages the SMTP server refused, of invoices whose cadence goes on. */
	Mono<List<DunningMessage>> reclaimFailed(TenantTransaction tx, int limit) {
		return tx.db().sql("UPDATE scenarios_dunning_message m SET status = 'PENDING' WHERE m.id IN (SELECT f.id FROM scenarios_dunning_message f "
				+ "WHERE f.status = 'FAILED' AND NOT EXISTS (SELECT 1 FROM scenarios_dunning_stop s WHERE s.tenant_id = f.tenant_id "
				+ "AND s.invoice_id = f.invoice_id) ORDER BY f.seq LIMIT :limit FOR UPDATE SKIP LOCKED) RETURNING " + MESSAGE_COLUMNS)
			.bind("limit", limit)
			.map(DunningStore::toMessage)
			.all()
			.collectList();
	}

	Mono<DunningMessage> markSent(TenantTransaction tx, UUID key, Instant sentAt) {
		return tx.db().sql("UPDATE scenarios_dunning_message SET status = 'SENT', status_reason = NULL, sent_at = :sent, attempts = attempts + 1 "
				+ "WHERE id = :id RETURNING " + MESSAGE_COLUMNS)
			.bind("id", key)
			.bind("sent", sentAt.atOffset(java.time.ZoneOffset.UTC))
			.map(DunningStore::toMessage)
			.one();
	}

	/**
	 * Records what the SMS provider answered: SENT with its message id, or a refusal (BOUNCED, FAILED) with its code, or
	 * PENDING with the reason when it is not known whether the provider took the message (never sent again).
	 *
	 * @param attempted whether a request went out (not when the provider is not configured)
	 */
	Mono<DunningMessage> recordSms(TenantTransaction tx, UUID key, DunningMessageStatus status, @Nullable String reason,
			@Nullable String providerRef, @Nullable String providerCode, @Nullable Instant sentAt, boolean attempted) {
		var spec = tx.db().sql("UPDATE scenarios_dunning_message SET status = :status, status_reason = :reason, provider_ref = :ref, "
				+ "provider_code = :code, sent_at = :sent, attempts = attempts + :attempted WHERE id = :id RETURNING " + MESSAGE_COLUMNS)
			.bind("id", key)
			.bind("status", status.name())
			.bind("attempted", attempted ? 1 : 0);
		spec = reason == null ? spec.bindNull("reason", String.class) : spec.bind("reason", reason);
		spec = providerRef == null ? spec.bindNull("ref", String.class) : spec.bind("ref", providerRef);
		spec = providerCode == null ? spec.bindNull("code", String.class) : spec.bind("code", providerCode);
		spec = sentAt == null ? spec.bindNull("sent", OffsetDateTime.class) : spec.bind("sent", sentAt.atOffset(java.time.ZoneOffset.UTC));
		return spec.map(DunningStore::toMessage).one();
	}

	Mono<DunningMessage> mark(TenantTransaction tx, UUID key, DunningMessageStatus status, String reason) {
		return tx.db().sql("UPDATE scenarios_dunning_message SET status = :status, status_reason = :reason, "
				+ "attempts = attempts + :attempted WHERE id = :id RETURNING " + MESSAGE_COLUMNS)
			.bind("id", key)
			.bind("attempted", status == DunningMessageStatus.FAILED ? 1 : 0)
			.bind("status", status.name())
			.bind("reason", reason)
			.map(DunningStore::toMessage)
			.one();
	}

	Mono<Optional<DunningMessage>> find(TenantTransaction tx, UUID key) {
		return tx.db().sql("SELECT " + MESSAGE_COLUMNS + " FROM scenarios_dunning_message WHERE id = :id FOR UPDATE")
			.bind("id", key)
			.map(DunningStore::toMessage)
			.one()
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty());
	}

	/** A forward page of messages by sequence, of one invoice when a number is given; the size + 1 rows fetched. */
	Mono<List<DunningMessage>> page(TenantTransaction tx, @Nullable String invoiceNumber, PageRequest request) {
		long after = request.cursorKey() == null ? 0 : Long.parseLong(request.cursorKey());
		String where = invoiceNumber == null ? "" : " AND invoice_number = :number";
		var spec = tx.db().sql("SELECT " + MESSAGE_COLUMNS + " FROM scenarios_dunning_message WHERE seq > :after" + where
				+ " ORDER BY seq LIMIT :limit")
			.bind("after", after)
			.bind("limit", request.size() + 1);
		spec = invoiceNumber == null ? spec : spec.bind("number", invoiceNumber);
		return spec.map(DunningStore::toMessage).all().collectList();
	}

	Mono<Integer> count(TenantTransaction tx, @Nullable String invoiceNumber) {
		var spec = tx.db().sql("SELECT count(*) AS n FROM scenarios_dunning_message" + (invoiceNumber == null ? "" : " WHERE invoice_number = :number"));
		spec = invoiceNumber == null ? spec : spec.bind("number", invoiceNumber);
		return spec.map(row -> row.get("n", Long.class).intValue()).one();
	}

	private DunningCadence toCadence(Readable row) {
		return new DunningCadence(row.get("id", UUID.class), row.get("segment", String.class),
				json.readValue(row.get("steps", String.class), STEPS), row.get("revision", Integer.class), row.get("updated_by", String.class),
				row.get("updated_at", OffsetDateTime.class).toInstant());
	}

	private static DunningContact toContact(Readable row) {
		String phone = row.get("phone", String.class);
		return new DunningContact(row.get("id", UUID.class), row.get("customer_code", String.class), row.get("segment", String.class),
				row.get("email", String.class), phone == null ? null : new PhoneNumber(phone), DunningLanguage.valueOf(row.get("language", String.class)));
	}

	private static DunningMessage toMessage(Readable row) {
		OffsetDateTime sent = row.get("sent_at", OffsetDateTime.class);
		return new DunningMessage(row.get("id", UUID.class), row.get("seq", Long.class), row.get("invoice_id", UUID.class),
				row.get("invoice_number", String.class), row.get("customer_code", String.class), row.get("segment", String.class),
				row.get("step", Integer.class), DunningTone.valueOf(row.get("tone", String.class)),
				DunningChannel.valueOf(row.get("channel", String.class)), row.get("recipient", String.class),
				row.get("scheduled_on", LocalDate.class), row.get("subject", String.class), row.get("body", String.class),
				DunningMessageStatus.valueOf(row.get("status", String.class)), row.get("status_reason", String.class),
				sent == null ? null : sent.toInstant(), row.get("provider_ref", String.class), row.get("provider_code", String.class));
	}

}
