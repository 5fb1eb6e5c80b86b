package com.performanceos.rules.commissions.disputes;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.mutations.Idempotency;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.security.Role;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.rules.commissions.disputes.InquiryInputs.Payload;
import com.performanceos.rules.commissions.runs.RunRecords;

/**
 * The inquiry mutations on the platform template: a rep opens an inquiry on one of their lines, the rep and SALES_OPS
 * write in its thread (SALES_OPS's message makes it ANSWERED, the rep's makes it OPEN again), and SALES_OPS resolves it,
 * granting an adjustment when one is due, or rejects it. An inquiry the caller may not read is answered exactly as an
 * absent one (INQUIRY_NOT_FOUND), so nobody learns of another rep's disputes by trying.
 */
@Service
class Inquiries {

	static final String OPEN = "commissions.openInquiry";

	static final String REPLY = "commissions.replyToInquiry";

	static final String RESOLVE = "commissions.resolveInquiry";

	static final String REJECT = "commissions.rejectInquiry";

	/** Who answers and decides inquiries: everyone else writes as the rep's side. */
	static final Set<Role> STAFF = EnumSet.of(Role.ADMIN, Role.SALES_OPS);

	private final Mutations mutations;

	private final InquiryStore store;

	private final RunRecords runs;

	Inquiries(Mutations mutations, InquiryStore store, RunRecords runs) {
		this.mutations = mutations;
		this.store = store;
		this.runs = runs;
	}

	Mono<Payload> open(Viewer viewer, InquiryInputs.Open input, @Nullable String sourceAddress) {
		return Mutations.unlessInvalid(input.validate(), Payload::failed, () -> {
			UUID lineKey = RunRecords.lineKey(input.lineId()).orElse(null);
			if (lineKey == null) {
				return Mono.just(Payload.failed(InquiryErrorCode.LINE_NOT_FOUND, "No commission line with this id", "lineId"));
			}
			UUID key = UUID.randomUUID();
			return mutations.idempotent(viewer.tenant(), idempotency(OPEN, input.idempotencyKey(), input.fingerprint()), tx -> runs.line(tx, lineKey)
				.filterWhen(line -> runs.mayRead(tx, viewer, line.period(), line.rep()))
				// One thread per line while it is open: the line is locked for the check, so two concurrent openings make one.
				.flatMap(line -> store.lockLine(tx, lineKey).then(store.openOn(tx, lineKey)).map(Optional::of).defaultIfEmpty(Optional.empty())
					.flatMap(open -> open.isPresent()
							? Mono.just(Outcome.rejected(Payload.failed(InquiryErrorCode.INQUIRY_ALREADY_OPEN, "Inquiry " + open.get().id()
									+ " on this line is still " + open.get().status() + ": add to it with replyToCommissionInquiry", "lineId")))
							: store.insert(tx, key, line, viewer.subject())
								.flatMap(inquiry -> store.addMessage(tx, key, 1, viewer.subject(), viewer.hasAnyRole(STAFF), input.message().strip())
									.thenReturn(committed(viewer, inquiry, "commissions.inquiry.opened", sourceAddress, Map.of("line", input.lineId(),
											"period", line.period().toString(), "rep", line.rep(), "dealRef", line.dealRef()))))))
				.defaultIfEmpty(Outcome.rejected(Payload.failed(InquiryErrorCode.LINE_NOT_FOUND, "No commission line with this id", "lineId"))));
		});
	}

	Mono<Payload> reply(Viewer viewer, InquiryInputs.Message input, @Nullable String sourceAddress) {
		return Mutations.unlessInvalid(input.validate(), Payload::failed, () -> act(viewer, REPLY, input.idempotencyKey(), input.fingerprint(),
				input.inquiryId(), (tx, inquiry) -> {
					InquiryStatus next = viewer.hasAnyRole(STAFF) ? InquiryStatus.ANSWERED : InquiryStatus.OPEN;
					return write(tx, viewer, inquiry, input.message(), next)
						.flatMap(updated -> Mono.just(committed(viewer, updated, next == InquiryStatus.ANSWERED ? "commissions.inquiry.answered"
								: "commissions.inquiry.replied", sourceAddress, Map.of("status", next.name()))));
				}));
	}

	Mono<Payload> resolve(Viewer viewer, InquiryInputs.Resolve input, @Nullable String sourceAddress) {
		return Mutations.unlessInvalid(input.validate(), Payload::failed, () -> act(viewer, RESOLVE, input.idempotencyKey(), input.fingerprint(),
				input.inquiryId(), (tx, inquiry) -> {
					InquiryInputs.AdjustmentInput asked = input.adjustment();
					Map<String, Object> details = new LinkedHashMap<>();
					details.put("status", InquiryStatus.RESOLVED.name());
					Mono<Long> adjusted = Mono.just(0L);
					if (asked != null) {
						Adjustment adjustment = new Adjustment(inquiry.key(), inquiry.rep(), inquiry.period().plusMonths(1), asked.amount(),
								inquiry.currency(), asked.justification().strip(), viewer.subject(), java.time.Instant.now());
						details.put("adjustment", Map.of("amount", asked.amount().toPlainString(), "currency", inquiry.currency(), "period",
								adjustment.period().toString(), "justification", adjustment.justification()));
						adjusted = store.insertAdjustment(tx, adjustment);
					}
					return adjusted.then(write(tx, viewer, inquiry, input.message(), InquiryStatus.RESOLVED))
						.map(updated -> committed(viewer, updated, "commissions.inquiry.resolved", sourceAddress, details));
				}));
	}

	Mono<Payload> reject(Viewer viewer, InquiryInputs.Message input, @Nullable String sourceAddress) {
		return Mutations.unlessInvalid(input.validate(), Payload::failed, () -> act(viewer, REJECT, input.idempotencyKey(), input.fingerprint(),
				input.inquiryId(), (tx, inquiry) -> write(tx, viewer, inquiry, input.message(), InquiryStatus.REJECTED)
					.map(updated -> committed(viewer, updated, "commissions.inquiry.rejected", sourceAddress, Map.of("status", "REJECTED")))));
	}

	/** Whether the viewer may read the inquiry: staff and readers of whole runs always, others as for the line itself. */
	Mono<Boolean> mayRead(TenantTransaction tx, Viewer viewer, CommissionInquiry inquiry) {
		return runs.mayRead(tx, viewer, inquiry.period(), inquiry.rep());
	}

	/** Locks an open inquiry the viewer may read and runs the work on it; refuses an absent, hidden or closed one. */
	private Mono<Payload> act(Viewer viewer, String operation, String idempotencyKey, String fingerprint, String inquiryId,
			BiFunction<TenantTransaction, CommissionInquiry, Mono<Outcome<Payload>>> work) {
		UUID key = GlobalId.decode(inquiryId, CommissionInquiry.TYPE_NAME).orElse(null);
		if (key == null) {
			return Mono.just(Payload.failed(InquiryErrorCode.INQUIRY_NOT_FOUND, "No inquiry with this id", "inquiryId"));
		}
		return mutations.idempotent(viewer.tenant(), idempotency(operation, idempotencyKey, fingerprint), tx -> store.lock(tx, key)
			.filterWhen(inquiry -> mayRead(tx, viewer, inquiry))
			.flatMap(inquiry -> inquiry.status().closed()
					? Mono.just(Outcome.rejected(Payload.failed(InquiryErrorCode.INQUIRY_CLOSED, "The inquiry is " + inquiry.status() + " already",
							"inquiryId")))
					: store.messageCount(tx, key).flatMap(count -> count >= InquiryStore.MESSAGES_MAX
							? Mono.just(Outcome.rejected(Payload.failed(InquiryErrorCode.THREAD_FULL, "The thread holds "
									+ InquiryStore.MESSAGES_MAX + " messages already", "inquiryId")))
							: work.apply(tx, inquiry)))
			.defaultIfEmpty(Outcome.rejected(Payload.failed(InquiryErrorCode.INQUIRY_NOT_FOUND, "No inquiry with this id", "inquiryId"))));
	}

	/** Appends the viewer's message to the (locked) inquiry's thread and moves it to the status. */
	private Mono<CommissionInquiry> write(TenantTransaction tx, Viewer viewer, CommissionInquiry inquiry, String message, InquiryStatus status) {
		return store.messageCount(tx, inquiry.key())
			.flatMap(count -> store.addMessage(tx, inquiry.key(), count + 1, viewer.subject(), viewer.hasAnyRole(STAFF), message.strip()))
			.then(store.setStatus(tx, inquiry.key(), status))
			.then(store.inquiry(tx, inquiry.key()));
	}

	private Idempotency<Payload> idempotency(String operation, String key, String fingerprint) {
		return new Idempotency<>(operation, key, fingerprint, () -> Payload.failed(List.of(InquiryError.conflict())),
				(tx, inquiryKey) -> store.inquiry(tx, inquiryKey).map(inquiry -> new Payload(inquiry, List.of())));
	}

	private static Outcome<Payload> committed(Viewer viewer, CommissionInquiry inquiry, String action, @Nullable String sourceAddress,
			Map<String, Object> details) {
		return Outcome.committed(new Payload(inquiry, List.of()), inquiry.key(), new AuditEntry(viewer.subject(), action, CommissionInquiry.TYPE_NAME,
				inquiry.id(), sourceAddress, null, details));
	}

}
