package com.performanceos.rules.sales.crm;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/** Reads one provider's deal records changed after a watermark, page by page, oldest change first. */
interface CrmClient {

	CrmProvider provider();

	/**
	 * The pages of records last modified after {@code watermark} (all records when null), oldest change first. Pages are
	 * requested one after the other as they are consumed: cancelling stops the paging.
	 */
	Flux<ProviderResponses.Page> changedSince(String tenant, CrmCredentials credentials, ConnectionSettings settings,
			@Nullable Instant watermark);

}
