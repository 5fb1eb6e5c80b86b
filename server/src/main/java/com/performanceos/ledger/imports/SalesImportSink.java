package com.performanceos.ledger.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * Where the deals and quotas of a CSV import go. The import pipeline stays generic and in the
 * ledger (reading, checks, control totals, lineage); the rows belong to the sales module
 * ({@code rules.sales}), which implements this port over its own tables. The ledger publishes the
 * port and never names the sales module, so the dependency runs from rules to ledger only.
 * Every method runs in the import's open tenant transaction.
 */
public interface SalesImportSink {

	/** Which of these CRM deal ids the tenant already holds. */
	Flux<String> knownDealIds(TenantTransaction tx, Collection<String> dealIds);

	/** Stores validated deals brought by one import; returns how many it stored. */
	Mono<Long> addDeals(TenantTransaction tx, UUID importKey, List<ImportedDeal> deals);

	/** Which of these quotas the tenant already holds, as {@link ImportedQuota#key()}s. */
	Flux<String> knownQuotas(TenantTransaction tx, Collection<ImportedQuota> quotas);

	/** Stores validated quotas brought by one import; returns how many it stored. */
	Mono<Long> addQuotas(TenantTransaction tx, UUID importKey, List<ImportedQuota> quotas);

	/** The global id of an import, which the sales records name as their source. */
	static String importId(UUID importKey) {
		return GlobalId.encode(Import.TYPE_NAME, importKey);
	}

	/**
	 * A deal as a CRM export gave it, checked.
	 *
	 * @param sourceRow its row in the file
	 * @param dealId the CRM's deal id, unique in the tenant
	 * @param rep the rep who owns it
	 * @param product what was sold
	 * @param region the sales region
	 * @param amount its amount
	 * @param arr its annual recurring revenue (zero when the file has none)
	 * @param stage its stage
	 * @param closeDate the day it closed or is expected to
	 * @param currency the currency of both amounts
	 */
	record ImportedDeal(int sourceRow, String dealId, String rep, String product, String region, BigDecimal amount, BigDecimal arr,
			DealStage stage, LocalDate closeDate, Currency currency) {
	}

	/**
	 * A rep's quota for a month, checked.
	 *
	 * @param sourceRow its row in the file
	 * @param rep the rep
	 * @param period the month, {@code YYYY-MM}
	 * @param amount the quota
	 * @param currency its currency
	 */
	record ImportedQuota(int sourceRow, String rep, String period, BigDecimal amount, Currency currency) {

		/** What makes a quota unique in a tenant: its period and rep. */
		public String key() {
			return period + '\u001f' + rep;
		}

	}

}
