package com.performanceos.tenders.procurement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.mutations.Idempotency;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.reference.ReferenceData;
import com.performanceos.platform.security.Role;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.tenders.TenderError;
import com.performanceos.tenders.TenderErrorCode;
import com.performanceos.tenders.organisations.Organisation;
import com.performanceos.tenders.organisations.OrganisationDirectory;

/** Drafts, publishes and reads tenders. */
@Service
class TenderService {

	private static final EnumSet<Role> BUYER_SIDE = EnumSet.of(Role.ADMIN, Role.AUDITOR, Role.BUYER, Role.VALIDATOR);

	private final TenantDatabase database;

	private final Mutations mutations;

	private final TenderStore store;

	private final CpvCatalog catalog;

	private final OrganisationDirectory organisations;

	private final ReferenceData referenceData;

	private final BidSealingKeys bidKeys;

	private final ApplicationEventPublisher applicationEvents;

	TenderService(TenantDatabase database, Mutations mutations, TenderStore store, CpvCatalog catalog, OrganisationDirectory organisations,
			ReferenceData referenceData, BidSealingKeys bidKeys, ApplicationEventPublisher applicationEvents) {
		this.database = database;
		this.mutations = mutations;
		this.store = store;
		this.catalog = catalog;
		this.organisations = organisations;
		this.referenceData = referenceData;
		this.bidKeys = bidKeys;
		this.applicationEvents = applicationEvents;
	}

	Mono<CreateTender.Payload> create(Viewer viewer, CreateTender.Input input, @Nullable String sourceAddress) {
		return Mutations.unlessInvalid(input.validate(catalog, Instant.now()), CreateTender.Payload::failed,
				() -> mutations.idempotent(viewer.tenant(), new Idempotency<>(CreateTender.OPERATION, input.idempotencyKey(), input.fingerprint(),
						CreateTender.Payload::conflict,
						(tx, key) -> store.tenders(tx.db(), List.of(key)).flatMap(found -> Mono.justOrEmpty(found.stream().findFirst()))
							.map(CreateTender.Payload::created)),
						tx -> organisations.current(tx.db()).flatMap(buyer -> {
							if (buyer.isEmpty() || !buyer.get().kind().buyer()) {
								return Mono.just(Outcome.rejected(CreateTender.Payload.failed(List.of(TenderError.of(TenderErrorCode.ORGANISATION_REQUIRED,
										"Register the tenant's buyer organisation before creating tenders")))));
							}
							return store.referenceTaken(tx.db(), input.reference()).flatMap(taken -> taken
									? Mono.just(Outcome.rejected(duplicateReference(input)))
									: insert(tx, viewer, input, buyer.get(), sourceAddress));
						}))
					// Two concurrent creations of one reference: the loser's transaction has rolled back whole.
					.onErrorResume(DuplicateKeyException.class, ex -> Mono.just(duplicateReference(input))));
	}

	private Mono<Outcome<CreateTender.Payload>> insert(TenantTransaction tx, Viewer viewer, CreateTender.Input input, Organisation buyer,
			@Nullable String sourceAddress) {
		return store.insert(tx, viewer.subject(), input, buyer)
			.map(tender -> Outcome.committed(CreateTender.Payload.created(tender), tender.key(),
					new AuditEntry(viewer.subject(), "tenders.tender.created", Tender.TYPE_NAME, tender.id(), sourceAddress, null,
							Map.of("reference", tender.reference(), "procedure", tender.procedure().name(), "estimatedValue",
									tender.estimatedValue().amount().toPlainString(), "lots", input.lots().size()))));
	}

	Mono<PublishTender.Payload> publish(Viewer viewer, PublishTender.Input input, @Nullable String sourceAddress) {
		Optional<UUID> key = GlobalId.decode(input.tenderId(), Tender.TYPE_NAME);
		if (key.isEmpty()) {
			return Mono.just(PublishTender.Payload.failed(TenderError.notFound("tenderId")));
		}
		return mutations.once(viewer.tenant(), tx -> store.ownForUpdate(tx.db(), key.get())
			.flatMap(tender -> publish(tx, viewer, tender, sourceAddress))
			.switchIfEmpty(Mono.fromSupplier(() -> Outcome.rejected(PublishTender.Payload.failed(TenderError.notFound("tenderId"))))))
			// After the commit: the market watch matches the new tender against vendors' saved searches.
			.doOnNext(payload -> {
				if (payload.tender() != null) {
					applicationEvents.publishEvent(new TenderPublished(payload.tender()));
				}
			});
	}

	private Mono<Outcome<PublishTender.Payload>> publish(TenantTransaction tx, Viewer viewer, Tender tender, @Nullable String sourceAddress) {
		if (tender.publishedAt() != null) {
			return refuse(TenderErrorCode.INVALID_STATE, "The tender is already published");
		}
		if (tender.createdBy().equals(viewer.subject())) {
			return refuse(TenderErrorCode.SEGREGATION_OF_DUTIES, "The author of a tender cannot publish it: another validator must");
		}
		if (!tender.submissionDeadline().isAfter(Instant.now())) {
			return refuse(TenderErrorCode.INVALID_STATE, "The submission deadline has passed: the tender cannot be published");
		}
		LocalDate today = LocalDate.now(ComplianceRules.LEGAL_ZONE);
		return complianceOf(tender, today).flatMap(report -> {
			if (!report.compliant()) {
				List<TenderError> violations = report.checks().stream().filter(check -> !check.passed())
					.map(check -> TenderError.of(TenderErrorCode.COMPLIANCE_VIOLATION, "tenderId", check.rule() + ": " + check.explanation()
							+ (check.source() == null ? "" : " (source: " + check.source() + ")")))
					.toList();
				return Mono.just(Outcome.rejected(PublishTender.Payload.failed(violations)));
			}
			return bidKeys.create(tx, tender.key())
				.flatMap(publicKey -> store.markPublished(tx.db(), tender.key(), viewer.subject(), publicKey))
				.then(Mono.defer(() -> store.tenders(tx.db(), List.of(tender.key()))))
				.map(found -> Outcome.committed(PublishTender.Payload.published(found.getFirst()),
						new AuditEntry(viewer.subject(), "tenders.tender.published", Tender.TYPE_NAME, tender.id(), sourceAddress,
								Map.of("status", "DRAFT"), Map.of("status", "PUBLISHED", "publicationDate", today.toString(),
										"checks", report.checks().stream().map(ComplianceCheck::rule).toList()))));
		});
	}

	private static Mono<Outcome<PublishTender.Payload>> refuse(TenderErrorCode code, String message) {
		return Mono.just(Outcome.rejected(PublishTender.Payload.failed(TenderError.of(code, "tenderId", message))));
	}

	Mono<ComplianceReport> complianceReport(Viewer viewer, String tenderId, @Nullable LocalDate publicationDate) {
		Optional<UUID> key = GlobalId.decode(tenderId, Tender.TYPE_NAME);
		if (key.isEmpty()) {
			return Mono.empty();
		}
		LocalDate day = publicationDate != null ? publicationDate : LocalDate.now(ComplianceRules.LEGAL_ZONE);
		return database.inTransaction(viewer.tenant(), db -> store.ownForUpdate(db, key.get())).flatMap(tender -> complianceOf(tender, day));
	}

	private Mono<ComplianceReport> complianceOf(Tender tender, LocalDate day) {
		return referenceData.inForce(ComplianceRules.keys(tender), day).map(values -> ComplianceRules.check(tender, day, values));
	}

	Mono<Connection<Tender>> list(Viewer viewer, PageRequest page) {
		boolean published = !viewer.hasAnyRole(BUYER_SIDE);
		return database.inTransaction(viewer.tenant(), db -> store.page(db, published, page.forward(), page.cursorKey(), page.size() + 1)
			.zipWith(store.count(db, published), (found, total) -> Connection.fromKeyset(page, found, tender -> tender.key().toString(),
					total.intValue())));
	}

	Mono<Map<UUID, Tender>> tenders(Viewer viewer, Collection<UUID> keys) {
		return database.inTransaction(viewer.tenant(), db -> store.tenders(db, keys))
			.map(found -> found.stream().collect(java.util.stream.Collectors.toMap(Tender::key, tender -> tender)));
	}

	Mono<Map<UUID, List<Lot>>> lotsOf(Viewer viewer, Collection<UUID> tenderKeys) {
		return database.inTransaction(viewer.tenant(), db -> store.lotsOf(db, tenderKeys));
	}

	Mono<Map<UUID, Lot>> lots(Viewer viewer, Collection<UUID> lotKeys) {
		return database.inTransaction(viewer.tenant(), db -> store.lots(db, lotKeys))
			.map(found -> found.stream().collect(java.util.stream.Collectors.toMap(Lot::key, lot -> lot)));
	}

	Mono<Map<UUID, List<AwardCriterion>>> criteriaOf(Viewer viewer, Collection<UUID> lotKeys) {
		return database.inTransaction(viewer.tenant(), db -> store.criteriaOf(db, lotKeys));
	}

	private static CreateTender.Payload duplicateReference(CreateTender.Input input) {
		return CreateTender.Payload.failed(List.of(TenderError.of(TenderErrorCode.DUPLICATE_REFERENCE, "reference",
				"A tender with reference " + input.reference() + " already exists")));
	}

}
