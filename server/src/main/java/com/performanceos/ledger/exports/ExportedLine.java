package com.performanceos.ledger.exports;

import org.jspecify.annotations.Nullable;

/**
 * One journal line as exported, with the references that trace it back: the entry's global id
 * (what the API returns), the tenant-wide posting sequence, the client reference, the batch or
 * import that wrote it, and the entry it reverses.
 */
record ExportedLine(String entryId, long postingSequence, @Nullable String reference, String description, String effectiveDate,
		String postedAt, int lineNumber, String accountCode, String accountName, String side, String amount, String currency,
		@Nullable String memo, @Nullable String reversalOfEntryId, @Nullable String batchId) {

	static final String[] COLUMNS = { "entryId", "postingSequence", "reference", "description", "effectiveDate", "postedAt",
			"lineNumber", "accountCode", "accountName", "side", "amount", "currency", "memo", "reversalOfEntryId", "batchId" };

	String[] fields() {
		return new String[] { entryId, Long.toString(postingSequence), reference, description, effectiveDate, postedAt,
				Integer.toString(lineNumber), accountCode, accountName, side, amount, currency, memo, reversalOfEntryId, batchId };
	}

}
