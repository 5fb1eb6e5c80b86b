package com.performanceos.rules.sales;

import java.util.UUID;

import com.performanceos.ledger.imports.SalesImportSink;
import com.performanceos.platform.graphql.GlobalId;

/** Where a deal came from: a CSV import, or a CRM connector's sync; a deal's lineage names one or the other. */
public enum DealSource {

	/** A CSV import of the ledger's pipeline: the lineage is the import and the row of its file. */
	IMPORT,
	/** A CRM connector: the lineage is the sync that last changed the deal and its position among that sync's records. */
	CRM_SYNC;

	/** The GraphQL type of a CRM sync, the lineage of a synchronised deal (served by {@code rules.sales.crm}). */
	public static final String CRM_SYNC_TYPE_NAME = "CrmSync";

	/** The global id of the import or sync with this key. */
	public String lineageId(UUID key) {
		return switch (this) {
			case IMPORT -> SalesImportSink.importId(key);
			case CRM_SYNC -> GlobalId.encode(CRM_SYNC_TYPE_NAME, key);
		};
	}

}
