package com.performanceos.scenarios.cash;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The drivers a scenario sets itself; a null field inherits the parent's value. One-offs add to the
 * parent's (a child scenario is the parent plus its own events), they do not replace them.
 */
public record DriverOverrides(@Nullable BigDecimal revenueGrowth, @Nullable Integer collectionDelayShiftDays,
		@Nullable BigDecimal collectionRate, @Nullable Integer payablesStretchDays,
		@Nullable BigDecimal recurringExpenseChange, List<OneOff> oneOffs) {

	public static final DriverOverrides NONE = new DriverOverrides(null, null, null, null, null, List.of());

	public DriverOverrides {
		oneOffs = List.copyOf(oneOffs);
	}

	/** These overrides applied on top of {@code parent}. */
	public Drivers applyTo(Drivers parent) {
		List<OneOff> combined = new java.util.ArrayList<>(parent.oneOffs());
		combined.addAll(oneOffs);
		return new Drivers(revenueGrowth != null ? revenueGrowth : parent.revenueGrowth(),
				collectionDelayShiftDays != null ? collectionDelayShiftDays : parent.collectionDelayShiftDays(),
				collectionRate != null ? collectionRate : parent.collectionRate(),
				payablesStretchDays != null ? payablesStretchDays : parent.payablesStretchDays(),
				recurringExpenseChange != null ? recurringExpenseChange : parent.recurringExpenseChange(), combined);
	}

}
