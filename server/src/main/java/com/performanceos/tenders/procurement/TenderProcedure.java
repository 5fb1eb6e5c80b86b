package com.performanceos.tenders.procurement;

/** The schema's {@code TenderProcedure}. */
public enum TenderProcedure {

	NONE, MAPA, OPEN, RESTRICTED, COMPETITIVE_DIALOGUE, NEGOTIATED

}
