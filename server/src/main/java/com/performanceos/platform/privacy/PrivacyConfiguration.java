package com.performanceos.platform.privacy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cipher and hasher, keyed from configuration or from keys kept in the data directory. */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

	@Bean
	FieldCipher fieldCipher(PrivacyProperties properties) {
		return new FieldCipher(PrivacyKeys.load(properties.encryptionKey(), properties.keyDirectory(), "field-encryption.key"));
	}

	@Bean
	PersonalDataHasher personalDataHasher(PrivacyProperties properties) {
		return new PersonalDataHasher(PrivacyKeys.load(properties.hashingKey(), properties.keyDirectory(), "pseudonym-hashing.key"));
	}

}
