package com.performanceos.rules.sales.crm;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.performanceos.ledger.imports.DealStage;

/**
 * What a connection needs besides its secrets: where the provider's API is, and how its records map to deals.
 *
 * @param apiUrl the API's base URL: the Salesforce org's My Domain URL, or HubSpot's API host
 * @param defaultCurrency the ISO 4217 code of the amounts when no currency field is named or a record leaves it empty
 * @param productField the provider field holding the product (Salesforce API name, HubSpot property); null for the
 * deal's type ({@code Type}, {@code dealtype})
 * @param regionField the field holding the sales region; null when the CRM has none (the region is then empty)
 * @param currencyField the field holding the currency ({@code CurrencyIsoCode} in multi-currency Salesforce orgs,
 * {@code deal_currency_code} in HubSpot); null to use the default currency
 * @param arrField the field holding the annual recurring revenue ({@code hs_arr} in HubSpot); null for zero
 * @param stageMappings the tenant's stages and how they map, tried before the provider's standard ones
 */
record ConnectionSettings(String apiUrl, String defaultCurrency, @Nullable String productField, @Nullable String regionField,
		@Nullable String currencyField, @Nullable String arrField, List<StageMapping> stageMappings) {

	/**
	 * A provider field's name: letters, digits and underscores (Salesforce custom fields end in {@code __c}), with at most
	 * one dot for a Salesforce relationship ({@code Account.Region__c}). Nothing else, since it is written into a query.
	 */
	static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,79}(\\.[A-Za-z][A-Za-z0-9_]{0,79})?");

	/** More mappings than any pipeline has stages. */
	static final int STAGE_MAPPINGS_MAX = 200;

	ConnectionSettings {
		Objects.requireNonNull(apiUrl, "apiUrl");
		stageMappings = List.copyOf(stageMappings);
	}

	/** The mapping of a provider's stage (its label in Salesforce, its id in HubSpot) to a deal stage. */
	record StageMapping(String providerStage, DealStage stage) {
	}

}
