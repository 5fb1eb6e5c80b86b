package com.performanceos.platform.audit;

import com.performanceos.platform.documents.RowWriter;

/** Writes audit records, in the order given, in one export format. Blocking: runs off the event loop. */
interface AuditExportWriter extends RowWriter<AuditRecord> {

	/** The column names, in the order both formats write them. */
	String[] COLUMNS = { "sequence", "id", "occurredAt", "actor", "action", "targetType", "targetId", "sourceAddress",
			"before", "after", "previousHash", "hash" };

}
