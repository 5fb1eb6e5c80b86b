package com.performanceos.tenders.contracts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
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
import com.performanceos.platform.mutations.Idempotency;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.reference.ReferenceData;
import com.performanceos.platform.reference.ReferenceValue;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.tenders.TenderError;
import com.performanceos.tenders.TenderErrorCode;

/**
 * Records amendments of signed contracts: after the signature and the previous amendment, within the increase the
 * code allows on the notification day (reference data, never a constant here), audited with the facts before and
 * after.
 */
@Service
class AmendmentService {

	static final String INCREASE_MAX_KEY = "procurement.amendment-increase-max";

	private static final ZoneId LEGAL_ZONE = ZoneId.of("Europe/Paris");

	private final Mutations mutations;

	private final ContractStore store;

	private final ReferenceData referenceData;

	AmendmentService(Mutations mutations, ContractStore store, ReferenceData referenceData) {
		this.mutations = mutations;
		this.store = store;
		this.referenceData = referenceData;
	}

	Mono<AmendContract.Payload> amend(Viewer viewer, AmendContract.Input input, @Nullable String sourceAddress) {
		List<TenderError> invalid = input.validate(LocalDate.now(LEGAL_ZONE));
		if (!invalid.isEmpty()) {
			return Mono.just(AmendContract.Payload.failed(invalid));
		}
		Optional<UUID> contractKey = GlobalId.decode(input.contractId(), Contract.TYPE_NAME);
		if (contractKey.isEmpty()) {
			return Mono.just(AmendContract.Payload.failed(TenderError.notFound("contractId")));
		}
		return mutations.idempotent(viewer.tenant(), new Idempotency<>(AmendContract.OPERATION, input.idempotencyKey(), input.fingerprint(),
				AmendContract.Payload::conflict,
				(tx, key) -> store.byAmendment(tx.db(), key).map(contract -> AmendContract.Payload.amended(contract, key))),
				tx -> store.find(tx.db(), List.of(contractKey.get()))
					.flatMap(found -> found.isEmpty() ? Mono.just(refuse(TenderError.notFound("contractId")))
							: referenceData.inForce(List.of(INCREASE_MAX_KEY), input.notifiedOn())
								.flatMap(values -> amend(tx, viewer, input, found.getFirst(), values.get(INCREASE_MAX_KEY), sourceAddress))))
			// Two amendments of one contract at once: the loser's sequence number is taken and its transaction rolled back.
			.onErrorResume(DuplicateKeyException.class, ex -> Mono.just(AmendContract.Payload.failed(TenderError.of(TenderErrorCode.INVALID_STATE,
					"contractId", "Another amendment of the contract was recorded at the same time: ask again"))));
	}

	private Mono<Outcome<AmendContract.Payload>> amend(TenantTransaction tx, Viewer viewer, AmendContract.Input input, Contract contract,
			@Nullable ReferenceValue increaseMax, @Nullable String sourceAddress) {
		TenderError refused = refusal(input, contract, increaseMax);
		if (refused != null) {
			return Mono.just(refuse(refused));
		}
		Amendment amendment = new Amendment(UUID.randomUUID(), contract.amendments().size() + 1, input.notifiedOn(), input.publishedOn(),
				input.amount(), input.durationMonths(), input.holders(), input.reason().strip());
		return store.insert(tx, contract.key(), amendment, viewer.subject())
			.then(store.find(tx.db(), List.of(contract.key())))
			.map(List::getFirst)
			.map(amended -> Outcome.committed(AmendContract.Payload.amended(amended, amendment.key()), amendment.key(),
					new AuditEntry(viewer.subject(), "tenders.contract.amended", Contract.TYPE_NAME, contract.id(), sourceAddress,
							facts(contract), facts(amended))));
	}

	/** Why the amendment cannot be recorded on this contract, or null when it can. */
	static @Nullable TenderError refusal(AmendContract.Input input, Contract contract, @Nullable ReferenceValue increaseMax) {
		if (contract.amendments().size() >= AmendContract.AMENDMENTS_MAX) {
			return TenderError.of(TenderErrorCode.LIMIT_EXCEEDED, "contractId", "A contract has at most " + AmendContract.AMENDMENTS_MAX
					+ " amendments");
		}
		if (input.notifiedOn().isBefore(contract.notifiedOn())) {
			return TenderError.invalid("notifiedOn", "The amendment is notified on or after the contract's signature (" + contract.notifiedOn() + ")");
		}
		if (!contract.amendments().isEmpty() && input.notifiedOn().isBefore(contract.amendments().getLast().notifiedOn())) {
			return TenderError.invalid("notifiedOn", "Amendments are numbered in notification order: the last one was notified on "
					+ contract.amendments().getLast().notifiedOn());
		}
		if (input.amount() == null || input.amount().compareTo(contract.currentAmount()) <= 0) {
			return null;
		}
		if (increaseMax == null) {
			throw new IllegalStateException("No " + INCREASE_MAX_KEY + " in force on " + input.notifiedOn());
		}
		BigDecimal allowed = contract.amount().multiply(increaseMax.value()).divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
		BigDecimal increase = input.amount().subtract(contract.currentAmount());
		if (increase.compareTo(allowed) > 0) {
			return TenderError.of(TenderErrorCode.AMENDMENT_LIMIT_EXCEEDED, "amount", "The amendment raises the price by " + increase.toPlainString()
					+ " EUR; at most " + increaseMax.value().stripTrailingZeros().toPlainString() + " % of the initial " + contract.amount().toPlainString()
					+ " EUR (" + allowed.toPlainString() + " EUR) is allowed per amendment (" + increaseMax.source() + ")");
		}
		return null;
	}

	private static Map<String, Object> facts(Contract contract) {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("amendments", contract.amendments().size());
		facts.put("amount", contract.currentAmount().toPlainString());
		facts.put("durationMonths", contract.currentDurationMonths());
		facts.put("holderSirets", contract.currentHolderSirets());
		return facts;
	}

	private static Outcome<AmendContract.Payload> refuse(TenderError error) {
		return Outcome.rejected(AmendContract.Payload.failed(error));
	}

}
