package com.performanceos.rules.registry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the registry's limits. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RulesProperties.class)
class RulesConfiguration {

}
