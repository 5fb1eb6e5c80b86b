package com.performanceos.ledger.cube;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.performanceos.platform.analytics.CubeDefinition;

/** Registers the journal lines cube (and through it its fact table) with the analytics store. */
@Configuration(proxyBeanMethods = false)
class LedgerCubeConfiguration {

	@Bean
	CubeDefinition journalLinesCube() {
		return JournalLineFacts.CUBE;
	}

}
