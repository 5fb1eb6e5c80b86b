package com.performanceos.tenders.contracts;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.mutations.Idempotency;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.tenders.TenderError;
import com.performanceos.tenders.TenderErrorCode;
import com.performanceos.tenders.evaluation.AwardedLots;
import com.performanceos.tenders.evaluation.AwardedLots.AwardedLot;
import com.performanceos.tenders.procurement.Lot;
import com.performanceos.tenders.procurement.LotStatus;
import com.performanceos.tenders.procurement.Tender;
import com.performanceos.tenders.procurement.TenderDirectory;
import com.performanceos.tenders.procurement.TenderDirectory.LotFacts;

/** Signs the contract of an awarded lot once its standstill is over, fixing the facts the open data publish. */
@Service
class ContractService {

	private static final ZoneId LEGAL_ZONE = ZoneId.of("Europe/Paris");

	private final TenantDatabase database;

	private final Mutations mutations;

	private final ContractStore store;

	private final TenderDirectory tenders;

	private final AwardedLots awards;

	ContractService(TenantDatabase database, Mutations mutations, ContractStore store, TenderDirectory tenders, AwardedLots awards) {
		this.database = database;
		this.mutations = mutations;
		this.store = store;
		this.tenders = tenders;
		this.awards = awards;
	}

	Mono<SignContract.Payload> sign(Viewer viewer, SignContract.Input input, @Nullable String sourceAddress) {
		List<TenderError> invalid = input.validate(LocalDate.now(LEGAL_ZONE));
		if (!invalid.isEmpty()) {
			return Mono.just(SignContract.Payload.failed(invalid));
		}
		Optional<UUID> lotKey = GlobalId.decode(input.lotId(), Lot.TYPE_NAME);
		if (lotKey.isEmpty()) {
			return Mono.just(SignContract.Payload.failed(TenderError.notFound("lotId")));
		}
		return mutations.idempotent(viewer.tenant(), new Idempotency<>(SignContract.OPERATION, input.idempotencyKey(), input.fingerprint(),
				SignContract.Payload::conflict,
				(tx, key) -> store.find(tx.db(), List.of(key)).flatMap(found -> Mono.justOrEmpty(found.stream().findFirst()))
					.map(SignContract.Payload::signed)),
				tx -> tenders.lot(tx.db(), lotKey.get())
					.filter(LotFacts::ownedByCaller)
					.flatMap(lot -> sign(tx, viewer, input, lot, sourceAddress))
					.switchIfEmpty(Mono.fromSupplier(() -> refuse(TenderError.notFound("lotId")))))
			// Two concurrent signatures of one lot: the loser's transaction has rolled back whole.
			.onErrorResume(DuplicateKeyException.class, ex -> Mono.just(alreadySigned()));
	}

	private Mono<Outcome<SignContract.Payload>> sign(TenantTransaction tx, Viewer viewer, SignContract.Input input, LotFacts lot,
			@Nullable String sourceAddress) {
		if (lot.status() != LotStatus.AWARDED) {
			return Mono.just(refuse(TenderError.of(TenderErrorCode.INVALID_STATE, "lotId",
					"Only an awarded lot gets a contract (status " + lot.status() + ")")));
		}
		return Mono.zip(awards.awarded(tx.db(), lot.lotKey()), store.byLots(tx.db(), List.of(lot.lotKey())),
				tenders.tenders(tx.db(), List.of(lot.tenderKey())), tenders.lotsOf(tx.db(), List.of(lot.tenderKey())))
			.flatMap(found -> {
				AwardedLot award = found.getT1();
				if (!found.getT2().isEmpty()) {
					return Mono.just(Outcome.<SignContract.Payload>rejected(alreadySigned()));
				}
				if (award.standstillEndsOn() != null && input.notifiedOn().isBefore(award.standstillEndsOn())) {
					return Mono.just(refuse(TenderError.of(TenderErrorCode.STANDSTILL_RUNNING, "notifiedOn",
							"The standstill runs until " + award.standstillEndsOn() + ": the contract cannot be signed before")));
				}
				if (input.notifiedOn().isBefore(award.notifiedOn())) {
					return Mono.just(refuse(TenderError.invalid("notifiedOn", "The contract is notified after the award (" + award.notifiedOn() + ")")));
				}
				Tender tender = found.getT3().getFirst();
				List<Lot> lots = found.getT4().getOrDefault(tender.key(), List.of());
				Contract contract = contract(input, tender, lots, lot.lotKey(), award);
				return store.insert(tx, contract, viewer.subject())
					.map(signed -> Outcome.committed(SignContract.Payload.signed(signed), signed.key(), new AuditEntry(viewer.subject(),
							"tenders.contract.signed", Contract.TYPE_NAME, signed.id(), sourceAddress, null,
							Map.of("lot", lot.lotKey().toString(), "holderSiret", signed.holderSiret(), "amount", signed.amount().toPlainString(),
									"notifiedOn", signed.notifiedOn().toString(), "durationMonths", signed.durationMonths()))));
			});
	}

	private static Contract contract(SignContract.Input input, Tender tender, List<Lot> lots, UUID lotKey, AwardedLot award) {
		Lot lot = lots.stream().filter(candidate -> candidate.key().equals(lotKey)).findFirst()
			.orElseThrow(() -> new IllegalStateException("The awarded lot is not among its tender's lots"));
		String object = lots.size() == 1 ? tender.title() : tender.title() + " - lot " + lot.number() + " : " + lot.title();
		return new Contract(UUID.randomUUID(), lotKey, tender.key(), tender.reference(), lot.number(), lots.size(), object,
				tender.description(), tender.nature(), tender.procedure(), tender.cpvCodes().getFirst().code(), tender.department(),
				tender.buyerSiret(), tender.buyerName(), award.holderSiret(), award.holderName(), award.holderSme(), award.amount(),
				award.offersReceived(), award.notifiedOn(), input.notifiedOn(), input.durationMonths(), input.priceForm(), List.of());
	}

	Mono<Map<UUID, Contract>> contracts(Viewer viewer, Collection<UUID> keys) {
		return database.inTransaction(viewer.tenant(), db -> store.find(db, keys))
			.map(found -> found.stream().collect(Collectors.toMap(Contract::key, Function.identity())));
	}

	Mono<Map<UUID, Contract>> byLots(Viewer viewer, Collection<UUID> lotKeys) {
		return database.inTransaction(viewer.tenant(), db -> store.byLots(db, lotKeys))
			.map(found -> found.stream().collect(Collectors.toMap(Contract::lotKey, Function.identity())));
	}

	Mono<Map<Contract, Lot>> lots(Viewer viewer, List<Contract> contracts) {
		return database.inTransaction(viewer.tenant(), db -> tenders.lots(db, contracts.stream().map(Contract::lotKey).distinct().toList()))
			.map(lots -> {
				Map<UUID, Lot> byKey = lots.stream().collect(Collectors.toMap(Lot::key, Function.identity()));
				Map<Contract, Lot> result = new LinkedHashMap<>();
				contracts.forEach(contract -> {
					Lot lot = byKey.get(contract.lotKey());
					if (lot != null) {
						result.put(contract, lot);
					}
				});
				return result;
			});
	}

	private static SignContract.Payload alreadySigned() {
		return SignContract.Payload.failed(TenderError.of(TenderErrorCode.INVALID_STATE, "lotId", "The lot's contract is already signed"));
	}

	private static Outcome<SignContract.Payload> refuse(TenderError error) {
		return Outcome.rejected(SignContract.Payload.failed(error));
	}

}
