package com.performanceos.rules.sales.crm;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.performanceos.ledger.imports.DealStage;

/** {@code configureCrmConnection}: its input, checks and payload, as bound to the schema. */
final class ConfigureCrmConnection {

	/** Where HubSpot's API lives unless the connection names another host. */
	static final String HUBSPOT_API_URL = "https://api.hubapi.com";

	static final int URL_LENGTH_MAX = 2_000;

	static final int SECRET_LENGTH_MAX = 2_000;

	static final int STAGE_LENGTH_MAX = 200;

	private ConfigureCrmConnection() {
	}

	/** The schema's {@code CrmStageMappingInput}. */
	record StageMappingInput(String providerStage, DealStage stage) {
	}

	/** The mutation's input. Its {@link #toString()} masks the secrets, so a logged input never shows them. */
	record Input(CrmProvider provider, @Nullable String apiUrl, @Nullable String clientId, @Nullable String clientSecret,
			@Nullable String accessToken, Currency defaultCurrency, @Nullable String productField, @Nullable String regionField,
			@Nullable String currencyField, @Nullable String arrField, @Nullable List<StageMappingInput> stageMappings,
			@Nullable Boolean resetWatermark) {

		/** The API URL the connection uses: the one given, or HubSpot's. */
		String effectiveApiUrl() {
			return apiUrl == null && provider == CrmProvider.HUBSPOT ? HUBSPOT_API_URL : String.valueOf(apiUrl).strip();
		}

		List<CrmError> validate() {
			List<CrmError> errors = new ArrayList<>();
			if (provider == CrmProvider.SALESFORCE && apiUrl == null) {
				errors.add(CrmError.invalid("apiUrl", "Salesforce needs the org's My Domain URL"));
			}
			else if (!isHttpUrl(effectiveApiUrl())) {
				errors.add(CrmError.invalid("apiUrl", "apiUrl must be an http or https URL of at most " + URL_LENGTH_MAX
						+ " characters, without credentials, query or fragment"));
			}
			switch (provider) {
				case SALESFORCE -> {
					secret(errors, "clientId", clientId, true);
					secret(errors, "clientSecret", clientSecret, true);
					secret(errors, "accessToken", accessToken, false);
				}
				case HUBSPOT -> {
					secret(errors, "accessToken", accessToken, true);
					secret(errors, "clientId", clientId, false);
					secret(errors, "clientSecret", clientSecret, false);
				}
			}
			field(errors, "productField", productField);
			field(errors, "regionField", regionField);
			field(errors, "currencyField", currencyField);
			field(errors, "arrField", arrField);
			List<StageMappingInput> mappings = stageMappings == null ? List.of() : stageMappings;
			if (mappings.size() > ConnectionSettings.STAGE_MAPPINGS_MAX) {
				errors.add(CrmError.invalid("stageMappings", "At most " + ConnectionSettings.STAGE_MAPPINGS_MAX + " stage mappings"));
			}
			Set<String> seen = new HashSet<>();
			for (StageMappingInput mapping : mappings) {
				String stage = mapping.providerStage().strip();
				if (stage.isEmpty() || stage.length() > STAGE_LENGTH_MAX) {
					errors.add(CrmError.invalid("stageMappings", "A provider stage has 1 to " + STAGE_LENGTH_MAX + " characters"));
				}
				else if (!seen.add(stage.toLowerCase(Locale.ROOT))) {
					errors.add(CrmError.invalid("stageMappings", "The provider stage '" + stage + "' is mapped twice"));
				}
			}
			return errors;
		}

		CrmCredentials credentials() {
			return switch (provider) {
				case SALESFORCE -> new CrmCredentials.Salesforce(String.valueOf(clientId).strip(), String.valueOf(clientSecret).strip());
				case HUBSPOT -> new CrmCredentials.HubSpot(String.valueOf(accessToken).strip());
			};
		}

		ConnectionSettings settings() {
			List<ConnectionSettings.StageMapping> mappings = stageMappings == null ? List.of()
					: stageMappings.stream().map(mapping -> new ConnectionSettings.StageMapping(mapping.providerStage().strip(), mapping.stage()))
						.toList();
			return new ConnectionSettings(effectiveApiUrl(), defaultCurrency.getCurrencyCode(), productField, regionField, currencyField,
					arrField, mappings);
		}

		private void field(List<CrmError> errors, String name, @Nullable String value) {
			if (value == null) {
				return;
			}
			if (!ConnectionSettings.FIELD_NAME.matcher(value).matches() || provider == CrmProvider.HUBSPOT && value.contains(".")) {
				errors.add(CrmError.invalid(name, name + " must be a field's API name: letters, digits and underscores"
						+ (provider == CrmProvider.SALESFORCE ? ", with at most one dot for a relationship" : "")));
			}
		}

		private static void secret(List<CrmError> errors, String name, @Nullable String value, boolean required) {
			if (!required) {
				if (value != null) {
					errors.add(CrmError.invalid(name, name + " is not used by this provider"));
				}
				return;
			}
			if (value == null || value.isBlank() || value.strip().length() > SECRET_LENGTH_MAX) {
				errors.add(CrmError.invalid(name, name + " must have 1 to " + SECRET_LENGTH_MAX + " characters"));
			}
		}

		private static boolean isHttpUrl(String url) {
			if (url.length() > URL_LENGTH_MAX) {
				return false;
			}
			try {
				URI uri = new URI(url);
				return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
						&& uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null;
			}
			catch (URISyntaxException ex) {
				return false;
			}
		}

		@Override
		public String toString() {
			return "ConfigureCrmConnection.Input[provider=" + provider + ", apiUrl=" + apiUrl + ", secrets=***]";
		}

	}

	/** The schema's {@code ConfigureCrmConnectionPayload}. */
	record Payload(@Nullable ConnectionView connection, List<CrmError> userErrors) {

		static Payload configured(ConnectionView connection) {
			return new Payload(connection, List.of());
		}

		static Payload failed(List<CrmError> errors) {
			return new Payload(null, errors);
		}

	}

}
