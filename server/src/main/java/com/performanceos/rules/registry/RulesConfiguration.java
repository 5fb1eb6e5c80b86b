package com.performanceos.rules.registry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the registry's limits and governance settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ RulesProperties.class, RulesGovernanceProperties.class })
class RulesConfiguration {

}
