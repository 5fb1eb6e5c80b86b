package com.performanceos.rules.commissions.anomalies;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.rules.commissions.approval.RunSubmissionGuard;

/**
 * What blocks a run's submission for approval: its CRITICAL anomalies. The approval workflow asks this before it lets
 * SALES_OPS submit a run; an empty answer lets the submission go on.
 */
@Component
public class CriticalAnomalies implements RunSubmissionGuard {

	private final RunAnomalies anomalies;

	private final TenantDatabase database;

	CriticalAnomalies(RunAnomalies anomalies, TenantDatabase database) {
		this.anomalies = anomalies;
		this.database = database;
	}

	/** The run's CRITICAL anomalies, inside the caller's transaction (the one that would record the submission). */
	public Mono<List<Anomaly>> blocking(TenantTransaction tx, UUID runKey) {
		return anomalies.of(tx, runKey).defaultIfEmpty(List.of())
			.map(found -> found.stream().filter(anomaly -> anomaly.severity() == AnomalySeverity.CRITICAL).toList());
	}

	/** The approval workflow's question: each CRITICAL anomaly as its sentence, in the submission's transaction. */
	@Override
	public Mono<List<String>> blockingAnomalies(TenantTransaction tx, UUID runKey) {
		return blocking(tx, runKey).map(found -> found.stream().map(Anomaly::message).toList());
	}

	/** The run's CRITICAL anomalies, in a transaction of their own. */
	public Mono<List<Anomaly>> blocking(String tenant, UUID runKey) {
		return database.run(tenant, tx -> blocking(tx, runKey));
	}

}
