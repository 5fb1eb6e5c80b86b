package com.performanceos.ledger.imports;

import com.performanceos.platform.events.EventType;

/**
 * A CSV import was applied. It names the file by digest only: a file's name and contents may carry
 * personal data, events must not.
 *
 * @param importKey the import's primary key
 * @param kind what the file held (JOURNAL_LINES, DEALS, QUOTAS...)
 * @param sha256 the SHA-256 of the file
 * @param recordCount the records it applied
 */
@EventType("ledger.ImportCompleted")
public record ImportCompleted(String importKey, String kind, String sha256, long recordCount) {

	static ImportCompleted of(Import finished) {
		return new ImportCompleted(finished.key().toString(), finished.kind().name(), String.valueOf(finished.sha256()),
				finished.recordCount() == null ? 0 : finished.recordCount());
	}

}
