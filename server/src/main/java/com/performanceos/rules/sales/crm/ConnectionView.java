package com.performanceos.rules.sales.crm;

import java.time.Instant;
import java.util.Currency;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The schema's {@code CrmConnection}: a connection without its secrets, which nothing in the API answers.
 *
 * @param watermark the newest last-modified time a committed sync stored; null before the first
 */
record ConnectionView(CrmProvider provider, String apiUrl, Currency defaultCurrency, @Nullable String productField,
		@Nullable String regionField, @Nullable String currencyField, @Nullable String arrField,
		List<ConnectionSettings.StageMapping> stageMappings, @Nullable Instant watermark, String configuredBy, Instant configuredAt) {

	static ConnectionView of(CrmConnectionStore.Stored stored, ConnectionSettings settings) {
		return new ConnectionView(stored.provider(), settings.apiUrl(), Currency.getInstance(settings.defaultCurrency()),
				settings.productField(), settings.regionField(), settings.currencyField(), settings.arrField(), settings.stageMappings(),
				stored.watermark(), stored.configuredBy(), stored.configuredAt());
	}

}
