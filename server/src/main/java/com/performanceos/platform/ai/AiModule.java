package com.performanceos.platform.ai;

/** The parts of the product that ask the AI; each tenant switches each one on or off. */
public enum AiModule {

	RULES, IMPORTS, TENDERS

}
