package com.performanceos.platform.redis;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One Redisson client for the URL the environment post-processor settled on (configured or
 * embedded). Redisson is used rather than a hand-written client because it brings the pieces this
 * server needs, tested: pub/sub topics, scripts, maps with TTL, locks, and cluster support.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

	@Bean(destroyMethod = "shutdown")
	RedissonClient redissonClient(@Value("${performanceos.redis.url}") String url) {
		Config config = new Config();
		config.setLazyInitialization(false);
		config.useSingleServer().setAddress(url).setConnectionMinimumIdleSize(2).setConnectionPoolSize(16).setTimeout(3_000);
		return Redisson.create(config);
	}

}
