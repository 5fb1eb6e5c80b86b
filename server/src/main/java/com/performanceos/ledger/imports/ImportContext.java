package com.performanceos.ledger.imports;

import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import com.performanceos.platform.security.Viewer;

/**
 * What a kind's run knows about its import.
 *
 * @param viewer who started the import; writes happen in their name and tenant
 * @param importKey the import's primary key (the batch id of what it writes)
 * @param sha256 the file's digest, for lineage
 * @param fileName the file's name as given by the client
 * @param options how the file is written
 * @param columns the file column each mapped field comes from
 */
record ImportContext(Viewer viewer, UUID importKey, String sha256, String fileName, ImportOptions options,
		Map<ImportField, String> columns) {

	ImportContext {
		columns = Map.copyOf(columns);
	}

	String column(ImportField field) {
		return columns.getOrDefault(field, field.name());
	}

	DateTimeFormatter dates() {
		return options.dateFormatter();
	}

}
