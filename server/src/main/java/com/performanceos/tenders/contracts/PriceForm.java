package com.performanceos.tenders.contracts;

/** The schema's {@code ContractPriceForm}: how a contract's price is set (DECP {@code formePrix}). */
public enum PriceForm {

	UNIT("Unitaire"), LUMP_SUM("Forfaitaire"), MIXED("Mixte");

	private final String decp;

	PriceForm(String decp) {
		this.decp = decp;
	}

	/** The DECP 2.0.3 label. */
	public String decp() {
		return decp;
	}

}
