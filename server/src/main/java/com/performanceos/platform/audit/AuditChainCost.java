package com.performanceos.platform.audit;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.limits.DynamicCost;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;

/**
 * Prices {@code verifyAuditChain} by the length of the chain it will re-hash: one unit per
 * {@value #RECORDS_PER_UNIT} records (read from the chain's head, one indexed row), so a tenant with
 * a long chain cannot run many walks, or one walk under many aliases, for the price of one field.
 */
@Component
class AuditChainCost implements DynamicCost {

	/** Records re-hashed per cost unit: about what the static weight of one object field stands for. */
	static final long RECORDS_PER_UNIT = 1_000;

	private final TenantDatabase database;

	AuditChainCost(TenantDatabase database) {
		this.database = database;
	}

	@Override
	public String fieldName() {
		return "verifyAuditChain";
	}

	@Override
	public Mono<Integer> weight(Viewer viewer) {
		return database.inTransaction(viewer.tenant(), db -> db.sql("SELECT last_seq FROM audit_chain_head WHERE tenant_id = :tenant")
			.bind("tenant", viewer.tenant())
			.map(row -> row.get("last_seq", Long.class))
			.one())
			.map(length -> (int) Math.min(Integer.MAX_VALUE, (length + RECORDS_PER_UNIT - 1) / RECORDS_PER_UNIT))
			.defaultIfEmpty(0);
	}

}
