package com.performanceos.ledger.mappings;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * Translates account codes of a source chart to pivot accounts for the rest of the ledger (e.g.
 * imports), inside the caller's tenant transaction, in one statement whatever the number of codes.
 */
public final class AccountMappings {

	/** Most codes one call may resolve; an import resolves the distinct codes of a file. */
	public static final int CODES_MAX = 100_000;

	private AccountMappings() {
	}

	/**
	 * The pivot account key of each of {@code codes} that is mapped for {@code source} (compared
	 * case-insensitively); unmapped codes are absent from the answer. Must run inside
	 * {@code TenantDatabase.inTransaction} of {@code tenant}.
	 */
	public static Mono<Map<String, UUID>> resolve(TenantTransaction tx, String source, Collection<String> codes) {
		if (codes.size() > CODES_MAX) {
			return Mono.error(new IllegalArgumentException("At most " + CODES_MAX + " codes per call, got " + codes.size()));
		}
		if (codes.isEmpty()) {
			return Mono.just(Map.of());
		}
		return tx.db().sql("SELECT source_code, account_id FROM ledger_account_mapping "
				+ "WHERE tenant_id = :tenant AND source = :source AND source_code = ANY(:codes)")
			.bind("tenant", tx.tenant())
			.bind("source", source.toUpperCase(Locale.ROOT))
			.bind("codes", new LinkedHashSet<>(codes).toArray(String[]::new))
			.map(row -> Map.entry(row.get("source_code", String.class), row.get("account_id", UUID.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

}
