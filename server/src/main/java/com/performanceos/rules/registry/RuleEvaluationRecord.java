package com.performanceos.rules.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The schema's {@code RuleEvaluationRecord}: one recorded {@code evaluateRule} call.
 *
 * @param sequence its position in the append-only log (the cursor)
 * @param versionKey the version evaluated
 * @param versionNumber its number
 * @param inputCount how many inputs
 * @param inputSha256 SHA-256 of the inputs' canonical JSON array
 * @param outputSha256 SHA-256 of the results' canonical JSON array
 * @param outputJson the results, when short enough to be stored
 * @param errorCount how many inputs failed
 * @param durationMicros the engine's time for the call
 * @param caller who called
 * @param asOf the day evaluated for
 * @param evaluatedAt when
 */
record RuleEvaluationRecord(long sequence, UUID versionKey, int versionNumber, int inputCount, String inputSha256,
		String outputSha256, @Nullable String outputJson, int errorCount, long durationMicros, String caller, LocalDate asOf,
		Instant evaluatedAt) {
}
