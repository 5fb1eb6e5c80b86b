package com.performanceos.scenarios.dunning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.receivables.invoices.OpenInvoices;
import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.audit.AuditTrail;
import com.performanceos.platform.digest.Sha256;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.scenarios.planning.ScenarioError;
import com.performanceos.scenarios.planning.ScenarioErrorCode;

/**
 * One dunning run in one tenant on a day. First, in one transaction, it stops the cadences of settled
 * invoices and claims the messages due (a row per invoice and step, unique: the claim is what makes a
 * message go out at most once, across runs and instances). Then, outside any transaction, it hands
 * each claimed message to the SMTP server and records the answer, with its audit record, in a
 * transaction of its own. A crash between the hand-over and the record leaves the message PENDING:
 * it is never sent again, because a duplicate reminder is worse than a missing one. A step of channel SMS goes through
 * the SMS provider ({@link DunningSms}) instead, and its answer is recorded the same way: SENT with the provider's
 * message id; a refusal BOUNCED (the number will not work) or FAILED (retried by the next run, like an outage or a
 * provider that is not configured), with the provider's code and message; PENDING when the provider may have taken it.
 */
@Component
class DunningRunner {

	/** The target type of the audit records of stops: the ledger's invoice, by its global id. */
	static final String INVOICE_TYPE = "Invoice";

	private final TenantDatabase database;

	private final DunningStore store;

	private final OpenInvoices invoices;

	private final DunningMailer mailer;

	private final DunningSms sms;

	private final AuditTrail audit;

	private final DunningProperties settings;

	private final DunningPushes pushes;

	private final Clock clock = Clock.systemUTC();

	DunningRunner(TenantDatabase database, DunningStore store, OpenInvoices invoices, DunningMailer mailer, DunningSms sms, AuditTrail audit,
			DunningProperties settings, DunningPushes pushes) {
		this.database = database;
		this.store = store;
		this.invoices = invoices;
		this.mailer = mailer;
		this.sms = sms;
		this.audit = audit;
		this.settings = settings;
		this.pushes = pushes;
	}

	private record Claimed(List<DunningMessage> toSend, int skipped, int stopped) {
	}

	Mono<RunDunning.Payload> run(Viewer viewer, LocalDate asOf, @Nullable String sourceAddress) {
		return run(viewer.tenant(), viewer.subject(), asOf, sourceAddress);
	}

	/** One run in {@code tenant} as of {@code asOf}, on behalf of {@code actor} (a person, or the schedule). */
	Mono<RunDunning.Payload> run(String tenant, String actor, LocalDate asOf, @Nullable String sourceAddress) {
		if (!mailer.configured()) {
			return Mono.just(RunDunning.Payload.failed(asOf, new ScenarioError(ScenarioErrorCode.MAIL_NOT_CONFIGURED,
					"No SMTP server is configured (spring.mail.host), so no reminder can be sent", null)));
		}
		return database.run(tenant, tx -> claim(tx, asOf, actor, sourceAddress))
			.flatMap(claimed -> Flux.fromIterable(claimed.toSend())
				.flatMap(message -> deliver(tenant, actor, message, sourceAddress), settings.sendConcurrency())
				.collectList()
				.map(statuses -> {
					int sent = (int) statuses.stream().filter(status -> status == DunningMessageStatus.SENT).count();
					return new RunDunning.Payload(asOf, sent, statuses.size() - sent, claimed.skipped(), claimed.stopped(), List.of());
				}))
			// The statuses this run changed go to the tenant's CRM in the background: a CRM that is down never slows a run.
			.doOnNext(payload -> pushes.deliverSoon(tenant, actor));
	}

	private Mono<Claimed> claim(TenantTransaction tx, LocalDate asOf, String actor, @Nullable String sourceAddress) {
		return Mono.zip(store.cadences(tx), store.contacts(tx), invoices.open(tx, true, asOf), store.activeSteps(tx))
			.flatMap(facts -> {
				List<OpenInvoices.Item> open = facts.getT3();
				return store.stoppedAmong(tx, open.stream().map(OpenInvoices.Item::key).toList()).flatMap(stopped -> {
					Map<String, DunningCadence> cadences = index(facts.getT1(), DunningCadence::segment);
					Map<String, DunningContact> contacts = index(facts.getT2(), DunningContact::customerCode);
					DunningPlan.Plan plan = DunningPlan.plan(asOf, open, contacts, cadences, facts.getT4(), new HashSet<>(stopped),
							settings.messagesPerRunMax());
					return stopSettled(tx, plan.settled(), asOf, actor, sourceAddress)
						.flatMap(stoppedCount -> Flux.fromIterable(plan.due())
							.concatMap(due -> store.claim(tx, message(due, asOf)))
							.collectList()
							.zipWith(store.reclaimFailed(tx, settings.messagesPerRunMax()))
							.map(claimed -> {
								List<DunningMessage> toSend = new ArrayList<>(claimed.getT2());
								claimed.getT1().stream().filter(message -> message.status() == DunningMessageStatus.PENDING).forEach(toSend::add);
								int skipped = (int) claimed.getT1().stream().filter(message -> message.status() == DunningMessageStatus.SKIPPED).count();
								return new Claimed(toSend, skipped, stoppedCount);
							}));
				});
			});
	}

	private Mono<Integer> stopSettled(TenantTransaction tx, Map<java.util.UUID, String> settled, LocalDate asOf, String actor,
			@Nullable String sourceAddress) {
		return Flux.fromIterable(settled.entrySet())
			.concatMap(invoice -> store.stop(tx, invoice.getKey(), invoice.getValue(), DunningStopReason.PAID, null, asOf, DunningStop.SYSTEM)
				.flatMap(stop -> pushes.stopped(tx, stop).thenReturn(stop))
				.flatMap(stop -> audit.record(tx, new AuditEntry(actor, "scenarios.dunning.stopped", INVOICE_TYPE,
						GlobalId.encode(INVOICE_TYPE, stop.invoiceKey()), sourceAddress, null,
						Map.of("invoiceNumber", stop.invoiceNumber(), "reason", stop.reason().name(), "stoppedOn", asOf.toString())))
					.thenReturn(1)))
			.count()
			.map(Long::intValue);
	}

	/** The claim of a due step; an SMS step of a contact without a mobile number is recorded SKIPPED, with the reason. */
	private static DunningStore.NewMessage message(DunningPlan.Due due, LocalDate asOf) {
		OpenInvoices.Item invoice = due.invoice();
		LocalDate scheduledOn = due.definition().dayFor(invoice.dueDate());
		DunningTemplates.Rendered text = DunningTemplates.render(due.definition().tone(), due.contact().language(), invoice.number(),
				invoice.openAmount(), invoice.currency(), invoice.dueDate(), asOf);
		DunningChannel channel = due.definition().channel();
		String recipient = due.contact().recipientFor(channel);
		String skippedBecause = due.skipped() ? "superseded by a later step due on " + asOf
				: recipient == null ? "the contact has no mobile number for an SMS step" : null;
		return new DunningStore.NewMessage(invoice.key(), invoice.number(), invoice.counterpartyCode(), due.segment(), due.step(),
				due.definition().tone(), channel, recipient == null ? "" : recipient, scheduledOn, text.subject(), text.body(),
				skippedBecause == null ? DunningMessageStatus.PENDING : DunningMessageStatus.SKIPPED, skippedBecause);
	}

	/** Sends one claimed message and records the SMTP server's or SMS provider's answer with its audit record; answers the status recorded. */
	private Mono<DunningMessageStatus> deliver(String tenant, String actor, DunningMessage message, @Nullable String sourceAddress) {
		if (message.channel() == DunningChannel.SMS) {
			return sms.send(message).flatMap(answer -> database.run(tenant, tx -> recordSms(tx, message, answer)
				.flatMap(recorded -> pushed(tx, recorded))
				.flatMap(recorded -> audit.record(tx, new AuditEntry(actor, smsAction(recorded.status()), DunningMessage.TYPE_NAME, recorded.id(),
						sourceAddress, null, image(recorded)))
					.thenReturn(recorded.status()))));
		}
		return mailer.send(message)
			.then(Mono.just(""))
			.onErrorResume(MailException.class, refused -> Mono.just(reason(refused)))
			.flatMap(refusal -> database.run(tenant, tx -> (refusal.isEmpty() ? store.markSent(tx, message.key(), clock.instant())
					: store.mark(tx, message.key(), DunningMessageStatus.FAILED, refusal))
				.flatMap(recorded -> pushed(tx, recorded))
				.flatMap(recorded -> audit.record(tx, new AuditEntry(actor,
						recorded.status() == DunningMessageStatus.SENT ? "scenarios.dunning.sent" : "scenarios.dunning.failed",
						DunningMessage.TYPE_NAME, recorded.id(), sourceAddress, null, image(recorded)))
					.thenReturn(recorded.status()))));
	}

	/** Records the push of a message the customer now has (SENT) or that will not reach them (BOUNCED); other statuses stay internal. */
	private Mono<DunningMessage> pushed(TenantTransaction tx, DunningMessage recorded) {
		return switch (recorded.status()) {
			case SENT -> pushes.messageChanged(tx, DunningPush.MESSAGE_SENT, recorded).thenReturn(recorded);
			case BOUNCED -> pushes.messageChanged(tx, DunningPush.MESSAGE_BOUNCED, recorded).thenReturn(recorded);
			case PENDING, FAILED, SKIPPED -> Mono.just(recorded);
		};
	}

	private Mono<DunningMessage> recordSms(TenantTransaction tx, DunningMessage message, DunningSms.Answer answer) {
		return switch (answer) {
			case DunningSms.Accepted accepted ->
				store.recordSms(tx, message.key(), DunningMessageStatus.SENT, null, accepted.sid(), null, clock.instant(), true);
			case DunningSms.Refused refused -> store.recordSms(tx, message.key(),
					refused.permanent() ? DunningMessageStatus.BOUNCED : DunningMessageStatus.FAILED,
					"SMS provider refused it (HTTP " + refused.httpStatus() + (refused.code() == null ? "" : ", code " + refused.code()) + "): "
							+ refused.message(), null, refused.code(), null, true);
			case DunningSms.Unavailable unavailable ->
				store.recordSms(tx, message.key(), DunningMessageStatus.FAILED, unavailable.reason(), null, null, null, sms.configured());
			case DunningSms.Unconfirmed unconfirmed ->
				store.recordSms(tx, message.key(), DunningMessageStatus.PENDING, unconfirmed.reason(), null, null, null, true);
		};
	}

	private static String smsAction(DunningMessageStatus status) {
		return switch (status) {
			case SENT -> "scenarios.dunning.sent";
			case BOUNCED -> "scenarios.dunning.bounced";
			case PENDING -> "scenarios.dunning.unconfirmed";
			case FAILED, SKIPPED -> "scenarios.dunning.failed";
		};
	}

	/** What the audit record keeps of a message: enough to prove what was sent to whom, the body by its digest. */
	private static Map<String, Object> image(DunningMessage message) {
		Map<String, Object> image = new LinkedHashMap<>();
		image.put("invoiceNumber", message.invoiceNumber());
		image.put("customerCode", message.customerCode());
		image.put("step", message.step());
		image.put("tone", message.tone().name());
		image.put("channel", message.channel().name());
		image.put("recipient", message.recipient());
		image.put("subject", message.subject());
		image.put("bodySha256", Sha256.hex(message.body()));
		image.put("status", message.status().name());
		if (message.statusReason() != null) {
			image.put("reason", message.statusReason());
		}
		if (message.providerMessageId() != null) {
			image.put("providerMessageId", message.providerMessageId());
		}
		if (message.providerErrorCode() != null) {
			image.put("providerErrorCode", message.providerErrorCode());
		}
		return image;
	}

	private static String reason(MailException refused) {
		String text = refused.getMostSpecificCause().getMessage();
		return text == null || text.isBlank() ? refused.getClass().getSimpleName() : text.strip();
	}

	private static <T> Map<String, T> index(List<T> items, Function<T, String> keyOf) {
		Map<String, T> index = new HashMap<>();
		items.forEach(item -> index.put(keyOf.apply(item), item));
		return index;
	}

}
