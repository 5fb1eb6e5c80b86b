package com.performanceos;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Performance OS: one GraphQL schema over the ledger, rules, scenarios and tenders domains. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PerformanceOsApplication {

	public static void main(String[] args) {
		SpringApplication.run(PerformanceOsApplication.class, args);
	}

}
