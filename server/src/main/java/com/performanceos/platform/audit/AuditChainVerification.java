package com.performanceos.platform.audit;

import org.jspecify.annotations.Nullable;

/**
 * The schema's {@code AuditChainVerification}.
 *
 * @param valid whether every checked record is intact and linked without gaps
 * @param checkedRecords how many records were found intact before the first break
 * @param firstBrokenSequence where the chain first breaks, or null when valid
 * @param reason why it breaks there, or null when valid
 */
record AuditChainVerification(boolean valid, long checkedRecords, @Nullable Long firstBrokenSequence,
		@Nullable String reason) {

	static AuditChainVerification intact(long checkedRecords) {
		return new AuditChainVerification(true, checkedRecords, null, null);
	}

	static AuditChainVerification broken(long checkedRecords, long sequence, String reason) {
		return new AuditChainVerification(false, checkedRecords, sequence, reason);
	}

}
