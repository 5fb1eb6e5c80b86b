package com.performanceos.platform.ai;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.performanceos.platform.tenancy.TenantDatabase;

/** The AI client, with a provider only when {@code performanceos.ai.base-url} is set. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AiProperties.class)
class AiConfiguration {

	private static final Logger log = LoggerFactory.getLogger(AiConfiguration.class);

	@Bean
	AiClient aiClient(AiProperties settings, TenantDatabase database, AiLedger ledger, AiAlerts alerts, AiModels models) {
		if (!settings.configured()) {
			log.info("AI disabled: set PERFORMANCEOS_AI_BASE_URL to enable AI proposals");
			return new AiClient(null, settings, database, ledger, alerts, models);
		}
		log.info("AI enabled: model {} at the configured endpoint", settings.model());
		return new AiClient(new OpenAiCompatibleProvider(settings), settings, database, ledger, alerts, models);
	}

}
