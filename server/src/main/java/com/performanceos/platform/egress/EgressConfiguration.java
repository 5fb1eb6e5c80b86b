package com.performanceos.platform.egress;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The egress settings and the resolver the guard asks, the system's unless a test provides its own. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EgressProperties.class)
class EgressConfiguration {

	@Bean
	@ConditionalOnMissingBean
	HostResolver hostResolver() {
		return HostResolver.system();
	}

}
