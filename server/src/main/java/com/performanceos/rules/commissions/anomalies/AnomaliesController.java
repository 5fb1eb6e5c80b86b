package com.performanceos.rules.commissions.anomalies;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.rules.commissions.runs.RunRecords;

/** GraphQL edge of a run's anomalies (for the people who read whole runs: the schema's @auth says who). */
@Controller
class AnomaliesController {

	private final RunAnomalies anomalies;

	private final TenantDatabase database;

	AnomaliesController(RunAnomalies anomalies, TenantDatabase database) {
		this.anomalies = anomalies;
		this.database = database;
	}

	/**
	 * The schema's {@code CommissionRunAnomalies}.
	 *
	 * @param runId the run's global id
	 * @param anomalies gravest first
	 */
	record Report(String runId, List<Anomaly> anomalies) {

		long count(AnomalySeverity severity) {
			return anomalies.stream().filter(anomaly -> anomaly.severity() == severity).count();
		}

		public int critical() {
			return (int) count(AnomalySeverity.CRITICAL);
		}

		public int warning() {
			return (int) count(AnomalySeverity.WARNING);
		}

		public int info() {
			return (int) count(AnomalySeverity.INFO);
		}

		public boolean blocksSubmission() {
			return critical() > 0;
		}

	}

	@QueryMapping
	Mono<Report> commissionRunAnomalies(@Argument String runId, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return RunRecords.runKey(runId).map(key -> database.run(viewer.tenant(), tx -> anomalies.of(tx, key)).map(found -> new Report(runId, found)))
			.orElse(Mono.empty());
	}

}
