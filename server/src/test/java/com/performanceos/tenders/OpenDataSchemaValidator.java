package com.performanceos.tenders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * Validators of the tests' own over the schema files of {@code reference-data/} (not the server's copy of the
 * checks): DECP 2.0.3, and the OCDS release package schema with the release schema given by its canonical URL.
 */
public final class OpenDataSchemaValidator {

	private static final String OCDS_BASE = "https://standard.open-contracting.org/schema/1__1__5/";

	private OpenDataSchemaValidator() {
	}

	public static Schema decp() {
		return registry().getSchema(read(ReferenceDataFiles.root().resolve("decp/schema_decp_v2.0.3.json")));
	}

	public static Schema ocdsReleasePackage() {
		return registry().getSchema(SchemaLocation.of(OCDS_BASE + "release-package-schema.json"));
	}

	private static SchemaRegistry registry() {
		Path root = ReferenceDataFiles.root();
		return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, builder -> builder
			.schemaLoader(loader -> loader.fetchRemoteResources(false))
			.schemas(Map.of(OCDS_BASE + "release-schema.json", read(root.resolve("ocds/release-schema.json")),
					OCDS_BASE + "release-package-schema.json", read(root.resolve("ocds/release-package-schema.json")))));
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
