package com.performanceos.rules.sales.crm;

import java.util.Map;

/**
 * The secrets of a connection, stored encrypted (the platform's {@code FieldCipher}, bound to the tenant) and never
 * answered by the API nor written to a log: {@link #toString()} masks them.
 */
sealed interface CrmCredentials {

	/** The secrets as stored (before encryption). */
	Map<String, String> image();

	/** The provider these credentials are for. */
	CrmProvider provider();

	static CrmCredentials of(CrmProvider provider, Map<String, String> image) {
		return switch (provider) {
			case SALESFORCE -> new Salesforce(required(image, "clientId"), required(image, "clientSecret"));
			case HUBSPOT -> new HubSpot(required(image, "accessToken"));
		};
	}

	private static String required(Map<String, String> image, String name) {
		String value = image.get(name);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException("Stored CRM credentials lack " + name);
		}
		return value;
	}

	/**
	 * A Salesforce connected app's OAuth 2.0 client credentials (the client credentials flow, run as the app's
	 * integration user).
	 */
	record Salesforce(String clientId, String clientSecret) implements CrmCredentials {

		@Override
		public Map<String, String> image() {
			return Map.of("clientId", clientId, "clientSecret", clientSecret);
		}

		@Override
		public CrmProvider provider() {
			return CrmProvider.SALESFORCE;
		}

		@Override
		public String toString() {
			return "Salesforce[clientId=***, clientSecret=***]";
		}

	}

	/** A HubSpot private app's access token (scope {@code crm.objects.deals.read}). */
	record HubSpot(String accessToken) implements CrmCredentials {

		@Override
		public Map<String, String> image() {
			return Map.of("accessToken", accessToken);
		}

		@Override
		public CrmProvider provider() {
			return CrmProvider.HUBSPOT;
		}

		@Override
		public String toString() {
			return "HubSpot[accessToken=***]";
		}

	}

}
