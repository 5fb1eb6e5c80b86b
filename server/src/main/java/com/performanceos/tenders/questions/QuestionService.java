package com.performanceos.tenders.questions;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.mutations.Idempotency;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.reference.ReferenceData;
import com.performanceos.platform.reference.ReferenceValue;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.tenders.TenderError;
import com.performanceos.tenders.TenderErrorCode;
import com.performanceos.tenders.procurement.Tender;
import com.performanceos.tenders.procurement.TenderDirectory;
import com.performanceos.tenders.procurement.TenderProcedure;

/**
 * Asks and answers clarification questions. In formalised procedures the buyer's additional information must reach
 * candidates some days before the deadline (CCP R2132-6: 6 days, 4 in urgency, from reference data): questions are
 * taken and answered until then, after which the buyer must extend the deadline instead. Adapted and no-procedure
 * tenders take questions until the deadline.
 */
@Service
class QuestionService {

	private static final ZoneId LEGAL_ZONE = ZoneId.of("Europe/Paris");

	private static final Set<TenderProcedure> ADAPTED = Set.of(TenderProcedure.NONE, TenderProcedure.MAPA);

	static final String DAYS_KEY = "procurement.additional-information-days";

	static final String URGENCY_DAYS_KEY = "procurement.additional-information-days.urgency";

	private final TenantDatabase database;

	private final Mutations mutations;

	private final QuestionStore store;

	private final TenderDirectory tenders;

	private final ReferenceData referenceData;

	QuestionService(TenantDatabase database, Mutations mutations, QuestionStore store, TenderDirectory tenders, ReferenceData referenceData) {
		this.database = database;
		this.mutations = mutations;
		this.store = store;
		this.tenders = tenders;
		this.referenceData = referenceData;
	}

	/**
	 * When questions close for a tender, and the rule that says so.
	 *
	 * @param at the last instant a question is taken and answered
	 * @param rule the reference value applied, null for an adapted procedure (until the deadline)
	 */
	record Closing(Instant at, @Nullable ReferenceValue rule) {

		String explain() {
			return rule == null ? "Questions close at the submission deadline"
					: "Questions close " + rule.value().toPlainString() + " days before the deadline, at " + at + " (" + rule.source() + ")";
		}

	}

	private Mono<Closing> closing(Tender tender) {
		if (ADAPTED.contains(tender.procedure())) {
			return Mono.just(new Closing(tender.submissionDeadline(), null));
		}
		String key = tender.urgency() ? URGENCY_DAYS_KEY : DAYS_KEY;
		return referenceData.inForce(List.of(key), LocalDate.now(LEGAL_ZONE)).map(values -> {
			ReferenceValue days = values.get(key);
			if (days == null) {
				throw new IllegalStateException("No " + key + " in force");
			}
			return new Closing(tender.submissionDeadline().minus(Duration.ofDays(days.value().longValueExact())), days);
		});
	}

	Mono<QuestionInputs.Payload> ask(Viewer viewer, QuestionInputs.AskInput input, @Nullable String sourceAddress) {
		List<TenderError> invalid = input.validate();
		if (!invalid.isEmpty()) {
			return Mono.just(QuestionInputs.Payload.failed(invalid));
		}
		Optional<UUID> tenderKey = GlobalId.decode(input.tenderId(), Tender.TYPE_NAME);
		if (tenderKey.isEmpty()) {
			return Mono.just(QuestionInputs.Payload.failed(TenderError.notFound("tenderId")));
		}
		return mutations.idempotent(viewer.tenant(), new Idempotency<>(QuestionInputs.ASK_OPERATION, input.idempotencyKey(), input.fingerprint(),
				QuestionInputs.Payload::conflict,
				(tx, key) -> store.byTender(tx.db(), List.of(tenderKey.get())).flatMap(found -> Mono.justOrEmpty(found.getOrDefault(tenderKey.get(),
						List.of()).stream().filter(question -> question.key().equals(key)).findFirst())).map(QuestionInputs.Payload::of)),
				tx -> tenders.tenders(tx.db(), List.of(tenderKey.get()))
					.flatMap(found -> Mono.justOrEmpty(found.stream().filter(tender -> tender.publishedAt() != null).findFirst()))
					.flatMap(tender -> Mono.zip(tenders.buyerTenant(tx.db(), tender.key()), closing(tender), store.count(tx.db(), tender.key()))
						.flatMap(facts -> {
							if (facts.getT1().equals(tx.tenant())) {
								return refuse(TenderError.of(TenderErrorCode.INVALID_STATE, "tenderId", "A buyer does not ask questions on its own tender"));
							}
							if (!Instant.now().isBefore(facts.getT2().at())) {
								return refuse(TenderError.of(TenderErrorCode.QUESTIONS_CLOSED, "tenderId", facts.getT2().explain()));
							}
							if (facts.getT3() >= QuestionInputs.QUESTIONS_PER_TENDER_MAX) {
								return refuse(TenderError.of(TenderErrorCode.LIMIT_EXCEEDED, "tenderId",
										"A tender takes at most " + QuestionInputs.QUESTIONS_PER_TENDER_MAX + " questions"));
							}
							UUID key = UUID.randomUUID();
							return store.insert(tx, key, tender.key(), facts.getT1(), input.question().strip())
								.map(question -> Outcome.committed(QuestionInputs.Payload.of(question), key, new AuditEntry(viewer.subject(),
										"tenders.question.asked", Question.TYPE_NAME, question.id(), sourceAddress, null,
										Map.of("tender", tender.id()))));
						}))
					.switchIfEmpty(Mono.fromSupplier(() -> Outcome.rejected(QuestionInputs.Payload.failed(TenderError.notFound("tenderId"))))));
	}

	Mono<QuestionInputs.Payload> answer(Viewer viewer, QuestionInputs.AnswerInput input, @Nullable String sourceAddress) {
		List<TenderError> invalid = input.validate();
		if (!invalid.isEmpty()) {
			return Mono.just(QuestionInputs.Payload.failed(invalid));
		}
		Optional<UUID> questionKey = GlobalId.decode(input.questionId(), Question.TYPE_NAME);
		if (questionKey.isEmpty()) {
			return Mono.just(QuestionInputs.Payload.failed(TenderError.notFound("questionId")));
		}
		return mutations.once(viewer.tenant(), tx -> store.buyersForUpdate(tx.db(), questionKey.get())
			.flatMap(question -> {
				if (question.answer() != null) {
					return refuse(TenderError.of(TenderErrorCode.INVALID_STATE, "questionId", "The question is already answered"));
				}
				return tenders.tenders(tx.db(), List.of(question.tenderKey())).flatMap(found -> closing(found.getFirst())).flatMap(closing -> {
					if (!Instant.now().isBefore(closing.at())) {
						return refuse(TenderError.of(TenderErrorCode.QUESTIONS_CLOSED, "questionId",
								closing.explain() + ": extend the deadline to answer"));
					}
					return store.answer(tx.db(), question.key(), input.answer().strip(), viewer.subject())
						.map(answered -> Outcome.committed(QuestionInputs.Payload.of(answered), new AuditEntry(viewer.subject(),
								"tenders.question.answered", Question.TYPE_NAME, answered.id(), sourceAddress, null,
								Map.of("publishedToAllVendors", true))));
				});
			})
			.switchIfEmpty(Mono.fromSupplier(() -> Outcome.rejected(QuestionInputs.Payload.failed(TenderError.notFound("questionId"))))));
	}

	Mono<Map<UUID, List<Question>>> questions(Viewer viewer, Collection<UUID> tenderKeys) {
		return database.inTransaction(viewer.tenant(), db -> store.byTender(db, tenderKeys));
	}

	private static Mono<Outcome<QuestionInputs.Payload>> refuse(TenderError error) {
		return Mono.just(Outcome.rejected(QuestionInputs.Payload.failed(error)));
	}

}
