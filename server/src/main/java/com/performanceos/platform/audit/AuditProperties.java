package com.performanceos.platform.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of the audit log's read paths.
 *
 * @param verification how the chain is re-checked
 * @param export how the log is exported as a file
 */
@ConfigurationProperties("performanceos.audit")
record AuditProperties(@DefaultValue Verification verification, @DefaultValue Export export) {

	/**
	 * Verification walks the chain in chunks so a long chain never sits in memory at once.
	 *
	 * @param chunkSize records re-hashed per SQL statement (1 to 100,000)
	 */
	record Verification(@DefaultValue("10000") int chunkSize) {

		static final int CHUNK_SIZE_MAX = 100_000;

		Verification {
			if (chunkSize < 1 || chunkSize > CHUNK_SIZE_MAX) {
				throw new IllegalArgumentException("performanceos.audit.verification.chunk-size must be between 1 and "
						+ CHUNK_SIZE_MAX + ", got " + chunkSize);
			}
		}

	}

	/**
	 * Exports are written to a temporary file first (their digest is only known at the end), so the
	 * number of records bounds the disk space one export takes.
	 *
	 * @param maxRecords the most records one export may hold; a larger export is refused (narrow it with from/to)
	 * @param fetchSize rows fetched from PostgreSQL per round trip while streaming (1 to 10,000)
	 */
	record Export(@DefaultValue("1000000") long maxRecords, @DefaultValue("500") int fetchSize) {

		static final int FETCH_SIZE_MAX = 10_000;

		Export {
			if (maxRecords < 1) {
				throw new IllegalArgumentException("performanceos.audit.export.max-records must be positive, got " + maxRecords);
			}
			if (fetchSize < 1 || fetchSize > FETCH_SIZE_MAX) {
				throw new IllegalArgumentException("performanceos.audit.export.fetch-size must be between 1 and "
						+ FETCH_SIZE_MAX + ", got " + fetchSize);
			}
		}

	}

}
