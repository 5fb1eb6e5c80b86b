package com.performanceos.ledger.imports;

/** Where an import stands; mirrors the schema's {@code ImportStatus}. */
enum ImportStatus {

	AWAITING_CONTENT, QUEUED, RUNNING, SUCCEEDED, FAILED, DUPLICATE_FILE

}
