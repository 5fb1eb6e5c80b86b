package com.performanceos.ledger.periods;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored close certificate, as the schema's {@code CloseCertificate}. Never updated: a re-close
 * after a reopen stores the next version beside it.
 *
 * @param key the primary key
 * @param month the month closed, {@code YYYY-MM}
 * @param version 1 for the first close of the month, then one more per re-close
 * @param closedAt the closing time, which is also the certificate's "known at"
 * @param closedBy who closed the month
 * @param sha256 hex SHA-256 of the content's UTF-8 bytes
 * @param content the canonical JSON of {@link CertificateContent}
 */
record CloseCertificate(UUID key, String month, int version, Instant closedAt, String closedBy, String sha256, String content) {

	static final String DOWNLOAD_PATH = "/exports/close-certificates/";

	/** Where the certificate is downloaded, relative to the server. */
	public String downloadUrl() {
		return DOWNLOAD_PATH + month + "?version=" + version;
	}

}
