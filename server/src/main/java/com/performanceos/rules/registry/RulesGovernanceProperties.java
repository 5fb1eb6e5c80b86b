package com.performanceos.rules.registry;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Governance settings of the registry: which duties one person may not combine on a version, and how evaluations are
 * recorded.
 *
 * @param incompatibleDuties the deployment's default pairs of duties one person may not both hold on a version
 * ({@code AUTHOR:APPROVER}, {@code APPROVER:PUBLISHER}, {@code AUTHOR:PUBLISHER}); a tenant may set its own with
 * {@code setRuleDutySeparation}; {@code AUTHOR:APPROVER} is always in force
 * @param evaluationLogQueueMax how many recorded evaluateRule calls may wait to be written; a call that finds the
 * queue full waits for room (it is never dropped)
 * @param evaluationLogBatchMax the most records one write takes
 * @param evaluationLogFlushInterval how long a record may wait before it is written (its crash-loss window)
 * @param evaluationLogWaitMax how long a call waits for room in a full queue before it fails (unanswered rather than
 * unrecorded)
 * @param evaluationLogOutputStoredMax the longest results text stored with a record; longer results keep only
 * their SHA-256
 */
@ConfigurationProperties("performanceos.rules.governance")
record RulesGovernanceProperties(@DefaultValue("AUTHOR:APPROVER") List<String> incompatibleDuties,
		@DefaultValue("10000") int evaluationLogQueueMax, @DefaultValue("500") int evaluationLogBatchMax,
		@DefaultValue("200ms") Duration evaluationLogFlushInterval, @DefaultValue("10s") Duration evaluationLogWaitMax,
		@DefaultValue("64KB") DataSize evaluationLogOutputStoredMax) {

	RulesGovernanceProperties {
		incompatibleDuties = List.copyOf(incompatibleDuties);
		// Parsed here so that a mistyped pair stops the start-up, not the first approval.
		DutySeparation.parse(String.join(",", incompatibleDuties));
		between("evaluation-log-queue-max", evaluationLogQueueMax, 1, 1_000_000);
		between("evaluation-log-batch-max", evaluationLogBatchMax, 1, 10_000);
		between("evaluation-log-flush-interval", evaluationLogFlushInterval.toMillis(), 1, 60_000);
		between("evaluation-log-wait-max", evaluationLogWaitMax.toMillis(), 1, 600_000);
		between("evaluation-log-output-stored-max", evaluationLogOutputStoredMax.toBytes(), 0, 16L * 1024 * 1024);
	}

	/** The deployment's default separation, used while a tenant has set none. */
	DutySeparation defaultSeparation() {
		return DutySeparation.of(DutySeparation.parse(String.join(",", incompatibleDuties)), false, null, null);
	}

	private static void between(String name, long value, long min, long max) {
		if (value < min || value > max) {
			throw new IllegalArgumentException("performanceos.rules.governance." + name + " must be " + min + " to " + max + ", got " + value);
		}
	}

}
