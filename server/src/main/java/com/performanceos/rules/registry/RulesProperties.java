package com.performanceos.rules.registry;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import com.performanceos.rules.engine.expressions.CelExpressions;
import com.performanceos.rules.engine.tables.TableDefinition;

/**
 * The registry's limits: what a version may hold and what one evaluation may cost. Each refusal is a typed
 * {@code LIMIT_EXCEEDED} (at save) or {@code STEP_LIMIT_EXCEEDED}/{@code TIMEOUT} (at evaluation).
 *
 * @param definitionSizeMax the longest definition (canonical JSON text or CSV) a version may carry
 * @param expressionLengthMax the longest CEL expression, in characters (at most the engine's own 10,000)
 * @param tableRowsMax the most rows a decision table may have (at most the engine's own 10,000)
 * @param graphNodesMax the most nodes a decision graph may have
 * @param examplesMax the most stored examples per version
 * @param evaluationSteps the step budget of one evaluation (operators, calls, table cells); a runaway expression
 * stops here in milliseconds
 * @param evaluationTimeout the wall-clock budget of one evaluation, behind the step budget
 * @param batchSizeMax the most inputs one {@code evaluateRule} call takes
 * @param compiledVersionsCached how many compiled versions each instance keeps in memory (versions never change, so
 * the cache is never stale; it only bounds memory)
 */
@ConfigurationProperties("performanceos.rules")
record RulesProperties(@DefaultValue("1MB") DataSize definitionSizeMax, @DefaultValue("10000") int expressionLengthMax,
		@DefaultValue("10000") int tableRowsMax, @DefaultValue("1000") int graphNodesMax,
		@DefaultValue("100") int examplesMax, @DefaultValue("1000000") long evaluationSteps,
		@DefaultValue("1s") Duration evaluationTimeout, @DefaultValue("10000") int batchSizeMax,
		@DefaultValue("10000") int compiledVersionsCached) {

	/** The engine's own bound on one evaluateRule batch: the 10,000 inputs per call. */
	static final int BATCH_SIZE_CEILING = 10_000;

	RulesProperties {
		between("definition-size-max", definitionSizeMax.toBytes(), 1, 16L * 1024 * 1024);
		between("expression-length-max", expressionLengthMax, 1, CelExpressions.SOURCE_LENGTH_MAX);
		between("table-rows-max", tableRowsMax, 1, TableDefinition.RULES_MAX);
		between("graph-nodes-max", graphNodesMax, 1, 1_000);
		between("examples-max", examplesMax, 0, 10_000);
		between("evaluation-steps", evaluationSteps, 1, 1_000_000_000L);
		between("evaluation-timeout", evaluationTimeout.toMillis(), 1, 60_000);
		between("batch-size-max", batchSizeMax, 1, BATCH_SIZE_CEILING);
		between("compiled-versions-cached", compiledVersionsCached, 1, 1_000_000);
	}

	private static void between(String name, long value, long min, long max) {
		if (value < min || value > max) {
			throw new IllegalArgumentException("performanceos.rules." + name + " must be " + min + " to " + max + ", got " + value);
		}
	}

}
