package com.performanceos.tenders.organisations;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.tenders.TenderError;
import com.performanceos.tenders.TenderErrorCode;

/** Registers and reads the organisation of the caller's tenant. */
@Service
class OrganisationService {

	private final TenantDatabase database;

	private final Mutations mutations;

	private final OrganisationDirectory directory;

	OrganisationService(TenantDatabase database, Mutations mutations, OrganisationDirectory directory) {
		this.database = database;
		this.mutations = mutations;
		this.directory = directory;
	}

	Mono<RegisterOrganisation.Payload> register(Viewer viewer, RegisterOrganisation.Input input, @Nullable String sourceAddress) {
		return Mutations.unlessInvalid(input.validate(), RegisterOrganisation.Payload::failed, () -> {
			// Registering twice is refused rather than keyed: the tenant has one organisation, so a repeat is a no-op at best.
			return mutations.once(viewer.tenant(), tx -> directory.current(tx.db()).flatMap(existing -> {
				if (existing.isPresent()) {
					return Mono.just(Outcome.rejected(RegisterOrganisation.Payload.failed(List.of(TenderError.of(
							TenderErrorCode.ORGANISATION_ALREADY_REGISTERED, "This tenant already registered its organisation")))));
				}
				Organisation organisation = new Organisation(UUID.randomUUID(), new Siret(input.siret()), input.name().strip(), input.kind(),
						Boolean.TRUE.equals(input.sme()));
				return tx.db().sql("INSERT INTO tenders_organisation (tenant_id, id, siret, name, kind, sme) "
						+ "VALUES (:tenant, :id, :siret, :name, :kind, :sme)")
					.bind("tenant", tx.tenant())
					.bind("id", organisation.key())
					.bind("siret", organisation.siret().value())
					.bind("name", organisation.name())
					.bind("kind", organisation.kind().name())
					.bind("sme", organisation.sme())
					.then()
					.thenReturn(Outcome.committed(RegisterOrganisation.Payload.registered(organisation),
							new AuditEntry(viewer.subject(), "tenders.organisation.registered", Organisation.TYPE_NAME, organisation.id(),
									sourceAddress, null, Map.of("siret", organisation.siret().value(), "name", organisation.name(), "kind",
											organisation.kind().name()))));
			}));
		});
	}

	Mono<Optional<Organisation>> current(Viewer viewer) {
		return database.inTransaction(viewer.tenant(), directory::current);
	}

	Mono<Map<UUID, Organisation>> load(Viewer viewer, Collection<UUID> keys) {
		return database.inTransaction(viewer.tenant(), db -> db.sql("SELECT " + OrganisationDirectory.COLUMNS
				+ " FROM tenders_organisation WHERE id = ANY(:keys)")
			.bind("keys", keys.toArray(UUID[]::new))
			.map(OrganisationDirectory::toOrganisation)
			.all()
			.collect(Collectors.toMap(Organisation::key, Function.identity())));
	}

}
