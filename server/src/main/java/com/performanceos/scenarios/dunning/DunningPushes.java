package com.performanceos.scenarios.dunning;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.audit.AuditTrail;
import com.performanceos.platform.egress.EgressGuard;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.privacy.FieldCipher;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.platform.webhooks.SignedWebhook;

/**
 * Dunning statuses pushed to the tenant's CRM. A status change records its push in the same transaction
 * ({@link #messageChanged}, {@link #stopped}), so the push exists exactly when the status does; delivery happens
 * later, outside any transaction: each claimed push is POSTed signed ({@link SignedWebhook}) to the receiver set now,
 * and its outcome recorded in a transaction of its own. A receiver that is down leaves the push pending, retried with
 * backoff; a crash between the call and the record only repeats a delivery, which the receiver recognises by its
 * delivery id. The body carries no e-mail address or phone number: the CRM knows its contacts by customer code.
 */
@Component
class DunningPushes {

	private static final Logger log = LoggerFactory.getLogger(DunningPushes.class);

	private final TenantDatabase database;

	private final DunningPushStore store;

	private final FieldCipher cipher;

	private final AuditTrail audit;

	private final JsonMapper json;

	private final DunningProperties.Push settings;

	private final SignedWebhook webhook;

	private final Clock clock = Clock.systemUTC();

	DunningPushes(TenantDatabase database, DunningPushStore store, FieldCipher cipher, AuditTrail audit, JsonMapper json, EgressGuard egress,
			DunningProperties settings) {
		this.database = database;
		this.store = store;
		this.cipher = cipher;
		this.audit = audit;
		this.json = json;
		this.settings = settings.push();
		DunningProperties.Push push = settings.push();
		this.webhook = new SignedWebhook(egress, push.timeout(),
				new SignedWebhook.Breaker(push.failureRateThreshold(), push.windowSize(), push.windowSize(), push.openStateWait()));
	}

	/** Records the push of a message's new status (sent or bounced) when the tenant has a receiver. */
	Mono<Void> messageChanged(TenantTransaction tx, String event, DunningMessage message) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("messageId", message.id());
		fields.put("invoiceNumber", message.invoiceNumber());
		fields.put("customerCode", message.customerCode());
		fields.put("segment", message.segment());
		fields.put("step", message.step());
		fields.put("tone", message.tone().name());
		fields.put("channel", message.channel().name());
		fields.put("status", message.status().name());
		if (message.statusReason() != null) {
			fields.put("reason", message.statusReason());
		}
		return enqueue(tx, event, message.invoiceNumber(), fields);
	}

	/** Records the push of a stopped cadence when the tenant has a receiver. */
	Mono<Void> stopped(TenantTransaction tx, DunningStop stop) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("invoiceId", GlobalId.encode(DunningRunner.INVOICE_TYPE, stop.invoiceKey()));
		fields.put("invoiceNumber", stop.invoiceNumber());
		fields.put("reason", stop.reason().name());
		fields.put("stoppedOn", stop.stoppedOn().toString());
		return enqueue(tx, DunningPush.STOPPED, stop.invoiceNumber(), fields);
	}

	private Mono<Void> enqueue(TenantTransaction tx, String event, String invoiceNumber, Map<String, Object> fields) {
		UUID key = UUID.randomUUID();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("event", event);
		body.put("deliveryId", key.toString());
		body.put("occurredAt", clock.instant().toString());
		body.putAll(fields);
		return store.enqueue(tx, key, event, invoiceNumber, json.writeValueAsString(body)).then();
	}

	/**
	 * Tries the tenant's pending pushes now, oldest first and one at a time (all of them, or only once the oldest one's
	 * backoff elapsed); answers how many the receiver acknowledged. The first failure ends the pass: the pushes after it
	 * are given back to wait behind it, so the CRM applies "sent" before "stopped" and a receiver that is down is
	 * called once per pass, not once per push.
	 */
	Mono<Integer> deliver(String tenant, String actor, boolean dueOnly) {
		Duration lease = settings.timeout().multipliedBy(settings.pushesPerRunMax() + 2L);
		return database.run(tenant, tx -> store.claim(tx, dueOnly, settings.pushesPerRunMax(), lease))
			.flatMap(claimed -> inOrder(tenant, actor, claimed, 0, 0));
	}

	private Mono<Integer> inOrder(String tenant, String actor, List<DunningPushStore.Claimed> claimed, int next, int delivered) {
		if (next == claimed.size()) {
			return Mono.just(delivered);
		}
		DunningPushStore.Claimed push = claimed.get(next);
		return send(tenant, push).flatMap(outcome -> switch (outcome) {
			case SignedWebhook.Outcome.Delivered ok -> recordDelivered(tenant, actor, push)
				.flatMap(recorded -> inOrder(tenant, actor, claimed, next + 1, delivered + (recorded ? 1 : 0)));
			case SignedWebhook.Outcome.Failed failed -> {
				Duration wait = SignedWebhook.backoff(push.attempts() + 1, settings.initialBackoff(), settings.maxBackoff());
				List<UUID> untried = claimed.subList(next + 1, claimed.size()).stream().map(DunningPushStore.Claimed::key).toList();
				yield database.run(tenant, tx -> store.markFailed(tx, push.key(), failed.reason(), wait).then(store.release(tx, untried, wait)))
					.thenReturn(delivered);
			}
		});
	}

	/**
	 * {@link #deliver} in the background, after the caller's transaction committed: the caller does not wait on the CRM.
	 * Only when due: a receiver that failed is left to its backoff, new pushes wait behind the one it failed.
	 */
	void deliverSoon(String tenant, String actor) {
		deliver(tenant, actor, true).subscribeOn(Schedulers.boundedElastic())
			.subscribe(delivered -> {
			}, error -> log.warn("Dunning pushes of tenant {} not delivered now; the retry pass tries again: {}", tenant, error.toString()));
	}

	private Mono<SignedWebhook.Outcome> send(String tenant, DunningPushStore.Claimed claimed) {
		return Mono.fromCallable(() -> cipher.decrypt(tenant, claimed.encryptedSecret()))
			.flatMap(secret -> webhook.post(claimed.key(), claimed.event(), claimed.url(), claimed.body(), secret))
			.onErrorResume(RuntimeException.class,
					error -> Mono.just(new SignedWebhook.Outcome.Failed("The receiver's secret cannot be decrypted; set the webhook again")));
	}

	/** Records a delivery with its audit record; false when the push was cancelled meanwhile. */
	private Mono<Boolean> recordDelivered(String tenant, String actor, DunningPushStore.Claimed claimed) {
		return database.run(tenant, tx -> store.markDelivered(tx, claimed.key(), claimed.url())
			.flatMap(push -> {
				Map<String, Object> after = new LinkedHashMap<>();
				after.put("event", push.event());
				after.put("invoiceNumber", push.invoiceNumber());
				after.put("url", claimed.url());
				after.put("attempts", push.attempts());
				return audit.record(tx, new AuditEntry(actor, "scenarios.dunning.pushed", DunningPush.TYPE_NAME, push.id(), null, null, after))
					.thenReturn(true);
			})
			.defaultIfEmpty(false));
	}

}
