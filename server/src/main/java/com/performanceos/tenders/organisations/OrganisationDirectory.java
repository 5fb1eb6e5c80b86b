package com.performanceos.tenders.organisations;

import java.util.Optional;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The other packages' way to the organisation of a tenant, inside their own tenant transaction. */
@Component
public final class OrganisationDirectory {

	static final String COLUMNS = "id, siret, name, kind, sme";

	OrganisationDirectory() {
	}

	/** The organisation of the transaction's tenant, if registered. */
	public Mono<Optional<Organisation>> current(DatabaseClient db) {
		return db.sql("SELECT " + COLUMNS + " FROM tenders_organisation WHERE tenant_id = current_tenant()")
			.map(OrganisationDirectory::toOrganisation)
			.one()
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty());
	}

	static Organisation toOrganisation(Readable row) {
		return new Organisation(row.get("id", UUID.class), new Siret(row.get("siret", String.class)), row.get("name", String.class),
				OrganisationKind.valueOf(row.get("kind", String.class)), Boolean.TRUE.equals(row.get("sme", Boolean.class)));
	}

}
