package com.performanceos.ledger.receivables.escalation;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.ledger.receivables.invoices.InvoiceDirectory;
import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.audit.AuditTrail;
import com.performanceos.platform.events.Outbox;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.egress.EgressGuard;
import com.performanceos.platform.privacy.FieldCipher;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.platform.webhooks.SignedWebhook;

/**
 * One escalation run in one tenant. First, in one transaction, it creates the missing tasks,
 * their audit records, events and pending notifications, so a task never exists without its
 * notification. Then, outside any transaction, it calls the receivers and records each outcome in
 * a transaction of its own: a receiver that is down leaves its notification pending for a later
 * run, and a crash between the call and the record only causes a duplicate delivery, which
 * receivers detect by the delivery header.
 */
@Component
class EscalationRunner {

	/** Receivers called at the same time by one run. */
	static final int DELIVERY_CONCURRENCY = 8;

	/** The webhook event of a created task. */
	static final String EVENT = "escalation.task.created";

	private final TenantDatabase database;

	private final EscalationTaskStore tasks;

	private final EscalationRuleStore rules;

	private final NotificationStore notifications;

	private final SignedWebhook notifier;

	private final FieldCipher cipher;

	private final AuditTrail auditTrail;

	private final Outbox outbox;

	private final InvoiceDirectory invoices;

	private final JsonMapper json;

	private final EscalationProperties settings;

	EscalationRunner(TenantDatabase database, EscalationTaskStore tasks, EscalationRuleStore rules, NotificationStore notifications,
			EgressGuard egress, FieldCipher cipher, AuditTrail auditTrail, Outbox outbox, InvoiceDirectory invoices,
			JsonMapper json, EscalationProperties settings) {
		this.database = database;
		this.tasks = tasks;
		this.rules = rules;
		this.notifications = notifications;
		EscalationProperties.CircuitBreaker breaker = settings.circuitBreaker();
		this.notifier = new SignedWebhook(egress, settings.webhookTimeout(), new SignedWebhook.Breaker(breaker.failureRateThreshold(),
				breaker.slidingWindowSize(), breaker.minimumNumberOfCalls(), breaker.waitInOpenState()));
		this.cipher = cipher;
		this.auditTrail = auditTrail;
		this.outbox = outbox;
		this.invoices = invoices;
		this.json = json;
		this.settings = settings;
	}

	/**
	 * Runs the tenant's rules as of the date, then delivers pending notifications: every one of them
	 * when {@code dueOnly} is false (an explicit run is an operator's retry), otherwise only those
	 * whose backoff has elapsed.
	 */
	Mono<EscalationPayloads.Run> run(String tenant, String actor, LocalDate asOf, boolean dueOnly, @Nullable String sourceAddress) {
		return database.run(tenant, tx -> tasks.createTasks(tx, asOf, settings.tasksPerRunMax())
			.flatMap(created -> created.isEmpty() ? Mono.just(0) : announce(tx, actor, created, sourceAddress).thenReturn(created.size())))
			.flatMap(created -> deliver(tenant, actor, dueOnly)
				.flatMap(delivered -> database.inTransaction(tenant, notifications::countPending)
					.map(pending -> new EscalationPayloads.Run(asOf, created, delivered.intValue(), pending.intValue(), List.of()))));
	}

	private Mono<Void> announce(TenantTransaction tx, String actor, List<EscalationTask> created,
			@Nullable String sourceAddress) {
		List<UUID> ruleKeys = created.stream().map(EscalationTask::ruleKey).distinct().toList();
		List<UUID> invoiceKeys = created.stream().map(EscalationTask::invoiceKey).distinct().toList();
		return rules.load(tx.db(), ruleKeys).zipWith(invoices.loadWithin(tx, invoiceKeys)).flatMap(loaded -> {
			List<NotificationStore.NewNotification> toSend = new ArrayList<>();
			List<Outbox.Occurred> events = new ArrayList<>();
			List<AuditEntry> entries = new ArrayList<>();
			for (EscalationTask task : created) {
				EscalationRule rule = loaded.getT1().get(task.ruleKey());
				EscalationTaskCreated event = EscalationTaskCreated.of(tx.tenant(), task, rule, loaded.getT2().get(task.invoiceKey()));
				UUID deliveryKey = UUID.randomUUID();
				Map<String, Object> image = image(event);
				entries.add(new AuditEntry(actor, "ledger.escalation.task.created", EscalationTask.TYPE_NAME, task.id(), sourceAddress,
						null, image));
				events.add(new Outbox.Occurred(task.createdAt(), event));
				if (rule.webhookUrl() != null) {
					Map<String, Object> body = new LinkedHashMap<>();
					body.put("event", EVENT);
					body.put("deliveryId", deliveryKey.toString());
					body.putAll(image);
					toSend.add(new NotificationStore.NewNotification(deliveryKey, task.key(), rule.key(), rule.webhookUrl(),
							json.writeValueAsString(body)));
				}
			}
			return Flux.fromIterable(entries).concatMap(entry -> auditTrail.record(tx, entry)).then()
				.then(outbox.publishAll(tx, events))
				.then(notifications.insert(tx, toSend));
		});
	}

	private Mono<Long> deliver(String tenant, String actor, boolean dueOnly) {
		Duration lease = settings.webhookTimeout().multipliedBy(settings.notificationsPerRunMax() / DELIVERY_CONCURRENCY + 2L);
		return database.inTransaction(tenant, db -> notifications.claim(db, dueOnly, settings.notificationsPerRunMax(), lease))
			.flatMapMany(Flux::fromIterable)
			.flatMap(claimed -> send(tenant, claimed).flatMap(outcome -> record(tenant, actor, claimed, outcome)),
					DELIVERY_CONCURRENCY)
			.filter(Boolean::booleanValue)
			.count();
	}

	private Mono<SignedWebhook.Outcome> send(String tenant, NotificationStore.Claimed claimed) {
		return Mono.fromCallable(() -> cipher.decrypt(tenant, claimed.encryptedSecret()))
			.flatMap(secret -> notifier.post(claimed.key(), EVENT, claimed.url(), claimed.body(), secret))
			.onErrorResume(RuntimeException.class,
					error -> Mono.just(new SignedWebhook.Outcome.Failed("The rule's secret cannot be decrypted")));
	}

	/** Records an attempt's outcome; true when it was delivered. */
	private Mono<Boolean> record(String tenant, String actor, NotificationStore.Claimed claimed, SignedWebhook.Outcome outcome) {
		return database.run(tenant, tx -> switch (outcome) {
			case SignedWebhook.Outcome.Delivered delivered -> notifications.markDelivered(tx.db(), claimed.key())
				.flatMap(notification -> {
					Map<String, Object> after = new LinkedHashMap<>();
					after.put("deliveryId", claimed.key().toString());
					after.put("url", notification.url());
					after.put("attempts", notification.attempts());
					return auditTrail.record(tx, new AuditEntry(actor, "ledger.escalation.notification.delivered",
							EscalationTask.TYPE_NAME, GlobalId.encode(EscalationTask.TYPE_NAME, claimed.taskKey()), null, null, after));
				})
				.thenReturn(true);
			case SignedWebhook.Outcome.Failed failed -> notifications.markFailed(tx.db(), claimed.key(), failed.reason(),
					backoff(claimed.attempts() + 1)).thenReturn(false);
		});
	}

	/** Exponential backoff after the given number of failed attempts, capped. */
	Duration backoff(int failedAttempts) {
		return SignedWebhook.backoff(failedAttempts, settings.initialBackoff(), settings.maxBackoff());
	}

	/** The event's fields as the audit record and the webhook body hold them. */
	@SuppressWarnings("unchecked")
	private Map<String, Object> image(EscalationTaskCreated event) {
		return json.convertValue(event, LinkedHashMap.class);
	}

}
