package com.performanceos.tenders.opendata;

import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The published schemas every open-data document is checked against, by a JSON Schema library (networknt
 * json-schema-validator, ADR 0011): DECP 2.0.3 ({@code schema_decp_v2.0.3.json}, draft-07) and the OCDS 1.1.5
 * release package ({@code release-package-schema.json}, draft-04, whose releases refer to
 * {@code release-schema.json} by its canonical URL). The files are the ones in {@code reference-data/}, packaged
 * on the classpath; the canonical URLs resolve to them, and nothing is ever fetched from the network.
 */
@Component
class OpenDataSchemas {

	/** The canonical base of the OCDS 1.1.5 schemas, as their {@code id} and {@code $ref} name them. */
	static final String OCDS_BASE = "https://standard.open-contracting.org/schema/1__1__5/";

	private static final String CLASSPATH_BASE = "classpath:tenders/open-data/";

	/** The most problems reported for one record: enough to fix it, bounded whatever the record holds. */
	static final int PROBLEMS_MAX = 20;

	private final Schema decp;

	private final Schema ocdsPackage;

	OpenDataSchemas() {
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
				builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)
					.schemaIdResolvers(resolvers -> resolvers.mapPrefix(OCDS_BASE, CLASSPATH_BASE + "ocds/"))));
		this.decp = registry.getSchema(SchemaLocation.of(CLASSPATH_BASE + "decp/schema_decp_v2.0.3.json"));
		this.ocdsPackage = registry.getSchema(SchemaLocation.of(OCDS_BASE + "release-package-schema.json"));
		// Resolve every reference now: a schema that cannot be loaded stops start-up rather than the first export.
		this.decp.initializeValidators();
		this.ocdsPackage.initializeValidators();
	}

	/** The problems of a DECP document ({@code {"marches": {"marche": [...]}}}), each "JSON pointer: message"; empty when valid. */
	List<String> decpProblems(JsonNode document) {
		return problems(decp, document);
	}

	/** The problems of an OCDS release package, each "JSON pointer: message"; empty when valid. */
	List<String> ocdsProblems(JsonNode releasePackage) {
		return problems(ocdsPackage, releasePackage);
	}

	private static List<String> problems(Schema schema, JsonNode document) {
		List<Error> errors = schema.validate(document);
		return errors.stream().limit(PROBLEMS_MAX).map(error -> pointer(error.getInstanceLocation()) + ": " + error.getMessage()).toList();
	}

	/** The RFC 6901 pointer of a location, the form open-data publishers and their validators name fields in. */
	static String pointer(NodePath path) {
		StringBuilder pointer = new StringBuilder();
		for (int i = 0; i < path.getNameCount(); i++) {
			pointer.append('/').append(String.valueOf(path.getElement(i)).replace("~", "~0").replace("/", "~1"));
		}
		return pointer.isEmpty() ? "/" : pointer.toString();
	}

}
