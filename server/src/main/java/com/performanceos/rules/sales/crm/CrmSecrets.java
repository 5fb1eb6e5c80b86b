package com.performanceos.rules.sales.crm;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.privacy.FieldCipher;

/**
 * Seals and opens a connection's stored form: the credentials encrypted under the server's key with the tenant bound
 * (a ciphertext copied into another tenant's row does not open), the settings as plain JSON.
 */
@Component
class CrmSecrets {

	private final FieldCipher cipher;

	private final JsonMapper json;

	CrmSecrets(FieldCipher cipher, JsonMapper json) {
		this.cipher = cipher;
		this.json = json;
	}

	/**
	 * A connection ready to call its provider.
	 *
	 * @param watermark the newest last-modified time a committed sync stored; null before the first
	 */
	record Opened(CrmProvider provider, CrmCredentials credentials, ConnectionSettings settings, @Nullable Instant watermark) {
	}

	String seal(String tenant, CrmCredentials credentials) {
		return cipher.encrypt(tenant, json.writeValueAsString(credentials.image()));
	}

	String settings(ConnectionSettings settings) {
		return json.writeValueAsString(settings);
	}

	ConnectionSettings settings(String stored) {
		return json.readValue(stored, ConnectionSettings.class);
	}

	Opened open(String tenant, CrmConnectionStore.Stored stored) {
		Map<String, String> image = json.readValue(cipher.decrypt(tenant, stored.credentials()), new TypeReference<Map<String, String>>() {
		});
		return new Opened(stored.provider(), CrmCredentials.of(stored.provider(), image), settings(stored.settings()), stored.watermark());
	}

}
