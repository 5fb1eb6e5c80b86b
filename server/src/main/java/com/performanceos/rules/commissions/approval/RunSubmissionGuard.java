package com.performanceos.rules.commissions.approval;

import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * What may forbid submitting a run: its critical anomalies. The anomaly detection implements this port as a bean; the
 * approval asks every such bean and refuses the submission when any reports one. Until one exists,
 * {@link #NO_BLOCKING_ANOMALY} lets every successful run be submitted.
 */
public interface RunSubmissionGuard {

	/** The guard used when no bean implements the port: no anomaly blocks anything. */
	RunSubmissionGuard NO_BLOCKING_ANOMALY = (tx, runKey) -> Mono.just(List.of());

	/**
	 * The critical anomalies of the run, each a sentence naming what is wrong (a rep, a deal); empty when none blocks
	 * its submission.
	 *
	 * @param tx the submission's transaction
	 * @param runKey the run's primary key
	 */
	Mono<List<String>> blockingAnomalies(TenantTransaction tx, UUID runKey);

}
