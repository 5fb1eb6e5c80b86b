package com.performanceos.ledger.journal;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.performanceos.ledger.dimensions.DimensionValueInput;

/** The schema's {@code JournalLineInput}. */
record JournalLineInput(String accountId, EntrySide side, BigDecimal amount, Currency currency, @Nullable String memo,
		@Nullable List<DimensionValueInput> dimensions) {

	/** The dimension values, none when the client left them out. */
	List<DimensionValueInput> dimensionValues() {
		return dimensions == null ? List.of() : dimensions;
	}

}
