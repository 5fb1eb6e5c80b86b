package com.performanceos.rules.sales;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.security.Viewer;

/** The sales data mutations the commissions need: reps and their hierarchy, credit splits, cancellations. */
@Service
class SalesTeamService {

	private final Mutations mutations;

	private final TeamStore store;

	SalesTeamService(Mutations mutations, TeamStore store) {
		this.mutations = mutations;
		this.store = store;
	}

	Mono<RecordSalesReps.Payload> recordReps(Viewer viewer, RecordSalesReps.Input input, @Nullable String sourceAddress) {
		List<SalesError> invalid = input.validate();
		if (!invalid.isEmpty()) {
			return Mono.just(RecordSalesReps.Payload.failed(invalid));
		}
		List<String> codes = input.reps().stream().map(rep -> rep.code().strip()).toList();
		return mutations.once(viewer.tenant(), tx -> store.upsertReps(tx, input.reps())
			.then(store.insertLinks(tx, input.managers()))
			.then(store.repsByCode(tx, codes))
			.map(reps -> Outcome.committed(new RecordSalesReps.Payload(reps, List.of()), new AuditEntry(viewer.subject(), "sales.reps.recorded",
					"SalesRep", null, sourceAddress, null, Map.of("reps", codes, "managerLinks", input.managers().size())))))
			// A subject is one person's login: the unique key refuses one already held by another rep of the tenant.
			.onErrorResume(DuplicateKeyException.class, ex -> Mono.just(RecordSalesReps.Payload.failed(List.of(
					SalesError.invalid("a subject not held by another rep (each login is one rep)", "reps", "subject")))));
	}

	Mono<SetDealCredits.Payload> setCredits(Viewer viewer, SetDealCredits.Input input, @Nullable String sourceAddress) {
		List<SalesError> invalid = input.validate();
		Optional<UUID> deal = GlobalId.decode(input.dealId(), Deal.TYPE_NAME);
		if (!invalid.isEmpty() || deal.isEmpty()) {
			return Mono.just(SetDealCredits.Payload.failed(deal.isEmpty()
					? List.of(SalesError.at(SalesErrorCode.DEAL_NOT_FOUND, "No deal with this id", "dealId")) : invalid));
		}
		return mutations.once(viewer.tenant(), tx -> store.deal(tx, deal.get())
			.flatMap(found -> store.insertSplit(tx, found.key(), input.shares(), viewer.subject())
				.thenReturn(Outcome.committed(new SetDealCredits.Payload(found, input.shares(), List.of()), new AuditEntry(viewer.subject(),
						"sales.deal.credits-set", Deal.TYPE_NAME, found.id(), sourceAddress, null, Map.of("dealRef", found.dealId(), "credits",
								input.shares().stream().map(share -> share.rep() + ":" + share.sharePercent().toPlainString()).toList())))))
			.switchIfEmpty(Mono.fromSupplier(() -> Outcome.rejected(SetDealCredits.Payload.failed(
					List.of(SalesError.at(SalesErrorCode.DEAL_NOT_FOUND, "No deal with this id", "dealId")))))));
	}

	Mono<CancelDeal.Payload> cancel(Viewer viewer, CancelDeal.Input input, @Nullable String sourceAddress) {
		Optional<UUID> deal = GlobalId.decode(input.dealId(), Deal.TYPE_NAME);
		if (deal.isEmpty()) {
			return Mono.just(CancelDeal.Payload.failed(SalesError.at(SalesErrorCode.DEAL_NOT_FOUND, "No deal with this id", "dealId")));
		}
		return mutations.once(viewer.tenant(), tx -> store.deal(tx, deal.get())
			.flatMap(found -> input.cancellationDate().isBefore(found.closeDate())
					? Mono.just(Outcome.rejected(CancelDeal.Payload.failed(SalesError.invalid("a deal is cancelled on or after it closed",
							"cancellationDate"))))
					: store.insertCancellation(tx, found.key(), input.cancellationDate(), viewer.subject()).map(inserted -> inserted
							? Outcome.committed(new CancelDeal.Payload(found, List.of()), new AuditEntry(viewer.subject(), "sales.deal.cancelled",
									Deal.TYPE_NAME, found.id(), sourceAddress, null, Map.of("dealRef", found.dealId(), "cancellationDate",
											input.cancellationDate().toString())))
							: Outcome.rejected(CancelDeal.Payload.failed(SalesError.at(SalesErrorCode.ALREADY_CANCELLED,
									"The deal was cancelled already", "dealId")))))
			.switchIfEmpty(Mono.fromSupplier(() -> Outcome.rejected(CancelDeal.Payload.failed(
					SalesError.at(SalesErrorCode.DEAL_NOT_FOUND, "No deal with this id", "dealId"))))));
	}

}
