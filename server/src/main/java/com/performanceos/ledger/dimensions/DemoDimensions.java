package com.performanceos.ledger.dimensions;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.demo.DemoDataContributor;
import com.performanceos.platform.security.Viewer;

/** The analytical axes of a French SME for the demo tenant: entities, regions, offers and sales reps. */
@Component
final class DemoDimensions implements DemoDataContributor {

	private record DemoDimension(String code, String name, Map<String, String> members) {
	}

	private static final List<DemoDimension> DIMENSIONS = List.of(
			new DemoDimension("ENTITY", "Entité juridique", Map.of("LUMIERE_PARIS", "Atelier Lumière SAS - siège Paris",
					"LUMIERE_LYON", "Atelier Lumière SAS - établissement Lyon")),
			new DemoDimension("REGION", "Région", Map.of("IDF", "Île-de-France", "ARA", "Auvergne-Rhône-Alpes", "PACA",
					"Provence-Alpes-Côte d'Azur", "OCC", "Occitanie", "HDF", "Hauts-de-France")),
			new DemoDimension("PRODUCT", "Offre", Map.of("SAAS", "Abonnement logiciel", "CONSEIL", "Conseil et intégration",
					"FORMATION", "Formation")),
			new DemoDimension("SALES_REP", "Commercial", Map.of("CLEROY", "Camille Leroy", "JMARTIN", "Julien Martin", "SDUBOIS",
					"Sophie Dubois")));

	private final DimensionService dimensions;

	DemoDimensions(DimensionService dimensions) {
		this.dimensions = dimensions;
	}

	@Override
	public int order() {
		return 110;
	}

	@Override
	public Mono<Void> seed(Viewer admin) {
		return Flux.fromIterable(DIMENSIONS)
			.concatMap(dimension -> dimensions.createDimension(admin,
					new DimensionInputs.CreateDimensionInput("demo-dimension-" + dimension.code(), dimension.code(), dimension.name()), null)
				.flatMapMany(created -> created.dimension() == null ? Flux.empty()
						: Flux.fromIterable(dimension.members().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList())
							.concatMap(member -> dimensions.createMember(admin, new DimensionInputs.CreateMemberInput(
									"demo-member-" + dimension.code() + "-" + member.getKey(), created.dimension().id(), member.getKey(),
									member.getValue()), null))))
			.then();
	}

}
