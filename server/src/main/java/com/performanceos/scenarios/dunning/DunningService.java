package com.performanceos.scenarios.dunning;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.receivables.invoices.OpenInvoices;
import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.egress.EgressGuard;
import com.performanceos.platform.egress.EgressRefused;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.Money;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.privacy.FieldCipher;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.scenarios.planning.ScenarioError;
import com.performanceos.scenarios.planning.ScenarioErrorCode;

/** Cadences, contacts, stops and bounces (mutations on the template), the messages and the DSO of a segment. */
@Service
class DunningService {

	private final TenantDatabase database;

	private final Mutations mutations;

	private final DunningStore store;

	private final OpenInvoices invoices;

	private final DunningRunner runner;

	private final DunningPushes pushes;

	private final DunningPushStore pushStore;

	private final EgressGuard egress;

	private final FieldCipher cipher;

	private final Clock clock = Clock.systemUTC();

	DunningService(TenantDatabase database, Mutations mutations, DunningStore store, OpenInvoices invoices, DunningRunner runner,
			DunningPushes pushes, DunningPushStore pushStore, EgressGuard egress, FieldCipher cipher) {
		this.database = database;
		this.mutations = mutations;
		this.store = store;
		this.invoices = invoices;
		this.runner = runner;
		this.pushes = pushes;
		this.pushStore = pushStore;
		this.egress = egress;
		this.cipher = cipher;
	}

	Mono<List<DunningCadence>> cadences(Viewer viewer) {
		return database.run(viewer.tenant(), store::cadences);
	}

	Mono<List<DunningContact>> contacts(Viewer viewer) {
		return database.run(viewer.tenant(), store::contacts);
	}

	Mono<Connection<DunningMessage>> messages(Viewer viewer, @Nullable String invoiceNumber, PageRequest request) {
		return database.run(viewer.tenant(), tx -> store.page(tx, invoiceNumber, request)
			.zipWith(store.count(tx, invoiceNumber))
			.map(page -> Connection.fromKeyset(request, page.getT1(), message -> Long.toString(message.seq()), page.getT2())));
	}

	Mono<DunningDso> dso(Viewer viewer, String segment, Currency currency, LocalDate asOf) {
		String code = currency.getCurrencyCode();
		return database.run(viewer.tenant(), tx -> store.contactsOf(tx, segment).flatMap(contacts -> {
			Set<String> customers = contacts.stream().map(DunningContact::customerCode).collect(Collectors.toSet());
			return invoices.open(tx, true, asOf)
				.zipWith(invoices.invoicedPerCustomer(tx, code, asOf.minusDays(DunningDso.WINDOW_DAYS - 1L), asOf))
				.map(facts -> {
					BigDecimal open = facts.getT1().stream()
						.filter(item -> customers.contains(item.counterpartyCode()) && item.currency().equals(code))
						.map(OpenInvoices.Item::openAmount)
						.reduce(BigDecimal.ZERO, BigDecimal::add);
					BigDecimal invoiced = facts.getT2().entrySet().stream()
						.filter(entry -> customers.contains(entry.getKey()))
						.map(Map.Entry::getValue)
						.reduce(BigDecimal.ZERO, BigDecimal::add);
					return new DunningDso(segment, asOf, DunningDso.WINDOW_DAYS, new Money(open, currency), new Money(invoiced, currency));
				});
		}));
	}

	Mono<SetDunningCadence.Payload> setCadence(Viewer viewer, SetDunningCadence.Input input, @Nullable String sourceAddress) {
		List<ScenarioError> errors = input.validate();
		if (!errors.isEmpty()) {
			return Mono.just(new SetDunningCadence.Payload(null, errors));
		}
		List<DunningStep> steps = input.steps().stream().sorted(java.util.Comparator.comparingInt(DunningStep::offsetDays)).toList();
		return mutations.once(viewer.tenant(), tx -> store.saveCadence(tx, input.segment(), steps, viewer.subject())
			.map(cadence -> Outcome.committed(new SetDunningCadence.Payload(cadence, List.of()),
					new AuditEntry(viewer.subject(), "scenarios.dunning.cadence.set", DunningCadence.TYPE_NAME, cadence.id(), sourceAddress, null,
							Map.of("segment", cadence.segment(), "steps", cadence.steps(), "revision", cadence.revision())))));
	}

	Mono<SetDunningContact.Payload> setContact(Viewer viewer, SetDunningContact.Input input, @Nullable String sourceAddress) {
		List<ScenarioError> errors = input.validate();
		if (!errors.isEmpty()) {
			return Mono.just(new SetDunningContact.Payload(null, errors));
		}
		return mutations.once(viewer.tenant(), tx -> store.saveContact(tx, input.customerCode(), input.segment(), input.email(),
				input.phoneNumber(), input.language(), viewer.subject())
			.map(contact -> Outcome.committed(new SetDunningContact.Payload(contact, List.of()),
					// The audit keeps the number masked (its last two digits): enough to see it changed, not to dial it.
					new AuditEntry(viewer.subject(), "scenarios.dunning.contact.set", DunningContact.TYPE_NAME, contact.id(), sourceAddress, null,
							Map.of("customerCode", contact.customerCode(), "segment", contact.segment(), "email", contact.email(),
									"phone", contact.phone() == null ? "" : contact.phone().toString(), "language", contact.language().name())))));
	}

	Mono<RunDunning.Payload> run(Viewer viewer, RunDunning.Input input, @Nullable String sourceAddress) {
		return runner.run(viewer, input.asOf() == null ? LocalDate.now(clock) : input.asOf(), sourceAddress);
	}

	Mono<StopDunning.Payload> stop(Viewer viewer, StopDunning.Input input, @Nullable String sourceAddress) {
		List<ScenarioError> errors = input.validate();
		if (!errors.isEmpty()) {
			return Mono.just(new StopDunning.Payload(null, errors));
		}
		Optional<UUID> key = GlobalId.decode(input.invoiceId()).filter(id -> id.type().equals(DunningRunner.INVOICE_TYPE)).map(GlobalId::key);
		LocalDate today = LocalDate.now(clock);
		return mutations.once(viewer.tenant(), tx -> (key.isEmpty() ? Mono.just(Optional.<OpenInvoices.Item>empty())
				: invoices.open(tx, true, today).map(open -> open.stream().filter(item -> item.key().equals(key.get())).findFirst()))
			.flatMap(invoice -> {
				if (invoice.isEmpty()) {
					return Mono.just(Outcome.rejected(new StopDunning.Payload(null, List.of(ScenarioError.at(ScenarioErrorCode.INVOICE_NOT_FOUND,
							"invoiceId", "No open customer invoice " + input.invoiceId())))));
				}
				return store.stop(tx, invoice.get().key(), invoice.get().number(), input.reason(), input.note(), today, viewer.subject())
					.flatMap(stop -> pushes.stopped(tx, stop).thenReturn(stop))
					.map(stop -> Outcome.committed(new StopDunning.Payload(stop, List.of()),
							new AuditEntry(viewer.subject(), "scenarios.dunning.stopped", DunningRunner.INVOICE_TYPE, input.invoiceId(), sourceAddress,
									null, Map.of("invoiceNumber", stop.invoiceNumber(), "reason", stop.reason().name(), "stoppedOn", today.toString()))))
					.defaultIfEmpty(Outcome.rejected(new StopDunning.Payload(null, List.of(ScenarioError.at(ScenarioErrorCode.DUNNING_ALREADY_STOPPED,
							"invoiceId", "The invoice's dunning already stopped")))));
			}))
			.doOnNext(payload -> pushSoon(viewer, payload.stop() != null));
	}

	Mono<RecordDunningBounce.Payload> bounce(Viewer viewer, RecordDunningBounce.Input input, @Nullable String sourceAddress) {
		List<ScenarioError> errors = input.validate();
		if (!errors.isEmpty()) {
			return Mono.just(new RecordDunningBounce.Payload(null, errors));
		}
		Optional<UUID> key = GlobalId.decode(input.messageId()).filter(id -> id.type().equals(DunningMessage.TYPE_NAME)).map(GlobalId::key);
		return mutations.once(viewer.tenant(), tx -> (key.isEmpty() ? Mono.just(Optional.<DunningMessage>empty()) : store.find(tx, key.get()))
			.flatMap(found -> {
				if (found.isEmpty()) {
					return Mono.just(Outcome.rejected(new RecordDunningBounce.Payload(null, List.of(ScenarioError.at(
							ScenarioErrorCode.DUNNING_MESSAGE_NOT_FOUND, "messageId", "No dunning message " + input.messageId())))));
				}
				if (found.get().status() != DunningMessageStatus.SENT) {
					return Mono.just(Outcome.rejected(new RecordDunningBounce.Payload(null, List.of(ScenarioError.at(
							ScenarioErrorCode.DUNNING_MESSAGE_NOT_SENT, "messageId", "The message is " + found.get().status() + ", not SENT")))));
				}
				return store.mark(tx, found.get().key(), DunningMessageStatus.BOUNCED, input.reason())
					.flatMap(bounced -> pushes.messageChanged(tx, DunningPush.MESSAGE_BOUNCED, bounced).thenReturn(bounced))
					.map(bounced -> Outcome.committed(new RecordDunningBounce.Payload(bounced, List.of()),
							new AuditEntry(viewer.subject(), "scenarios.dunning.bounced", DunningMessage.TYPE_NAME, bounced.id(), sourceAddress,
									null, Map.of("invoiceNumber", bounced.invoiceNumber(), "recipient", bounced.recipient(), "reason", input.reason()))));
			}))
			.doOnNext(payload -> pushSoon(viewer, payload.message() != null));
	}

	/** After a committed status change, its push goes out in the background: the caller does not wait on the CRM. */
	private void pushSoon(Viewer viewer, boolean changed) {
		if (changed) {
			pushes.deliverSoon(viewer.tenant(), viewer.subject());
		}
	}

	Mono<Optional<DunningWebhook>> webhook(Viewer viewer) {
		return database.run(viewer.tenant(), tx -> pushStore.webhook(tx).map(Optional::of).defaultIfEmpty(Optional.empty()));
	}

	Mono<Connection<DunningPush>> pushes(Viewer viewer, @Nullable DunningPushStatus status, PageRequest request) {
		return database.run(viewer.tenant(), tx -> pushStore.page(tx, status, request)
			.zipWith(pushStore.count(tx, status))
			.map(page -> Connection.fromKeyset(request, page.getT1(), push -> Long.toString(push.seq()), page.getT2())));
	}

	Mono<SetDunningWebhook.Payload> setWebhook(Viewer viewer, SetDunningWebhook.Input input, @Nullable String sourceAddress) {
		List<ScenarioError> errors = input.validate();
		if (!errors.isEmpty()) {
			return Mono.just(new SetDunningWebhook.Payload(null, errors));
		}
		return egress.check(input.url())
			.then(Mono.just(true))
			.onErrorResume(EgressRefused.class, refused -> Mono.just(false))
			.flatMap(allowed -> !allowed
					? Mono.just(new SetDunningWebhook.Payload(null, List.of(ScenarioError.invalid("url", "url " + EgressGuard.REFUSED_URL_MESSAGE))))
					: mutations.once(viewer.tenant(), tx -> pushStore.webhook(tx).map(Optional::of).defaultIfEmpty(Optional.empty())
						.flatMap(before -> pushStore.saveWebhook(tx, input.url(), cipher.encrypt(viewer.tenant(), input.secret()), viewer.subject())
							.map(webhook -> Outcome.committed(new SetDunningWebhook.Payload(webhook, List.of()),
									new AuditEntry(viewer.subject(), "scenarios.dunning.webhook.set", WEBHOOK_TYPE, WEBHOOK_TARGET, sourceAddress,
											before.map(DunningService::image).orElse(null), image(webhook)))))));
	}

	Mono<RemoveDunningWebhook.Payload> removeWebhook(Viewer viewer, RemoveDunningWebhook.Input input, @Nullable String sourceAddress) {
		return mutations.once(viewer.tenant(), tx -> pushStore.webhook(tx).map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(current -> {
			if (current.isEmpty()) {
				return Mono.just(Outcome.rejected(new RemoveDunningWebhook.Payload(null, 0, List.of(ScenarioError.at(
						ScenarioErrorCode.DUNNING_WEBHOOK_NOT_SET, "revision", "No dunning webhook is set")))));
			}
			if (current.get().revision() != input.revision()) {
				return Mono.just(Outcome.rejected(new RemoveDunningWebhook.Payload(null, 0, List.of(ScenarioError.at(ScenarioErrorCode.STALE_REVISION,
						"revision", "The webhook is at revision " + current.get().revision() + ", not " + input.revision())))));
			}
			return pushStore.removeWebhook(tx)
				.flatMap(removed -> pushStore.cancelPending(tx).map(cancelled -> Outcome.committed(
						new RemoveDunningWebhook.Payload(removed, cancelled.intValue(), List.of()),
						new AuditEntry(viewer.subject(), "scenarios.dunning.webhook.removed", WEBHOOK_TYPE, WEBHOOK_TARGET, sourceAddress,
								image(removed), Map.of("cancelledPushes", cancelled)))));
		}));
	}

	Mono<DeliverDunningPushes.Payload> deliverPushes(Viewer viewer, DeliverDunningPushes.Input input) {
		return pushes.deliver(viewer.tenant(), viewer.subject(), Boolean.TRUE.equals(input.dueOnly()))
			.flatMap(delivered -> database.run(viewer.tenant(), pushStore::counts)
				.map(counts -> new DeliverDunningPushes.Payload(delivered, counts.get(DunningPushStatus.PENDING).intValue(), List.of())));
	}

	/** The audit target of the receiver: one per tenant, so it has no id of its own. */
	static final String WEBHOOK_TYPE = "DunningWebhook";

	static final String WEBHOOK_TARGET = "dunning-webhook";

	/** What the audit keeps of a receiver: never its secret. */
	private static Map<String, Object> image(DunningWebhook webhook) {
		return Map.of("url", webhook.url(), "revision", webhook.revision());
	}

}
