package com.performanceos.ledger.imports;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.GlobalId;

/**
 * An import of one file; the schema's {@code Import}.
 *
 * @param key the primary key
 * @param kind what the file holds
 * @param status where the import stands
 * @param fileName the file's name as given
 * @param controlRowCount the row count the client declared
 * @param controlAmountSum the amount sum the client declared
 * @param sha256 the file's digest once uploaded
 * @param sizeBytes the file's size once uploaded
 * @param rowCount data rows read by validation
 * @param recordCount entries, deals or quotas written
 * @param jobKey the job that validates and applies it, once uploaded
 * @param duplicateOf the earlier import of the same file, when this one was a duplicate
 * @param report the validation report as JSON, once validated
 * @param createdAt when the import was started
 * @param finishedAt when it ended
 * @param mapping the column mapping as JSON
 * @param options the file options as JSON
 */
record Import(UUID key, ImportKind kind, ImportStatus status, String fileName, long controlRowCount, BigDecimal controlAmountSum,
		@Nullable String sha256, @Nullable Long sizeBytes, @Nullable Long rowCount, @Nullable Long recordCount, @Nullable UUID jobKey,
		@Nullable UUID duplicateOf, @Nullable String report, Instant createdAt, @Nullable Instant finishedAt, String mapping,
		String options) {

	static final String TYPE_NAME = "Import";

	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

	public String uploadUrl() {
		return "/imports/" + id() + "/content";
	}

}
