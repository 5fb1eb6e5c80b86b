package com.performanceos.ledger.imports;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds of imports.
 *
 * @param maxFileSize the largest file accepted; a larger upload is refused with 413
 * @param maxRows the most data rows a file may hold
 * @param maxProblems problems kept in a report (all are counted)
 * @param chunkRows rows read, checked and written per step: memory holds one chunk at a time
 * @param directory where uploaded files wait for their job (deleted once it ends); unset = the system's temporary directory
 */
@ConfigurationProperties("performanceos.imports")
record ImportsProperties(@DefaultValue("200MB") DataSize maxFileSize, @DefaultValue("2000000") int maxRows,
		@DefaultValue("1000") int maxProblems, @DefaultValue("1000") int chunkRows,
		@Nullable Path directory) {

	static final int CHUNK_ROWS_MAX = 10_000;

	Path uploads() {
		return directory != null ? directory : Path.of(System.getProperty("java.io.tmpdir"), "performanceos-imports");
	}

	ImportsProperties {
		if (maxFileSize.toBytes() < 1 || maxRows < 1 || maxProblems < 1) {
			throw new IllegalArgumentException("performanceos.imports limits must be positive");
		}
		if (chunkRows < 1 || chunkRows > CHUNK_ROWS_MAX) {
			throw new IllegalArgumentException("performanceos.imports.chunk-rows must be between 1 and " + CHUNK_ROWS_MAX);
		}
	}

}
