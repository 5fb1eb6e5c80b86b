package com.performanceos.platform.audit;

/** Writes audit records, in the order given, in one export format. Blocking: runs off the event loop. */
interface AuditExportWriter {

	/** The column names, in the order both formats write them. */
	String[] COLUMNS = { "sequence", "id", "occurredAt", "actor", "action", "targetType", "targetId", "sourceAddress",
			"before", "after", "previousHash", "hash" };

	void write(AuditRecord record);

	/** Writes what closes the document and flushes; the underlying stream stays open. */
	void finish();

}
