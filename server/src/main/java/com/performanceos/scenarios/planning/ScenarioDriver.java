package com.performanceos.scenarios.planning;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import com.performanceos.scenarios.cash.DriverOverrides;

/** The schema's {@code ScenarioDriver}: one driver a person can lock while editing it. */
enum ScenarioDriver {

	REVENUE_GROWTH, COLLECTION_DELAY_SHIFT_DAYS, COLLECTION_RATE, PAYABLES_STRETCH_DAYS, RECURRING_EXPENSE_CHANGE, ONE_OFFS;

	/** The drivers whose own value differs between two sets of overrides (decimals compared by value). */
	static Set<ScenarioDriver> changed(DriverOverrides before, DriverOverrides after) {
		Set<ScenarioDriver> changed = EnumSet.noneOf(ScenarioDriver.class);
		if (differ(before.revenueGrowth(), after.revenueGrowth())) {
			changed.add(REVENUE_GROWTH);
		}
		if (!Objects.equals(before.collectionDelayShiftDays(), after.collectionDelayShiftDays())) {
			changed.add(COLLECTION_DELAY_SHIFT_DAYS);
		}
		if (differ(before.collectionRate(), after.collectionRate())) {
			changed.add(COLLECTION_RATE);
		}
		if (!Objects.equals(before.payablesStretchDays(), after.payablesStretchDays())) {
			changed.add(PAYABLES_STRETCH_DAYS);
		}
		if (differ(before.recurringExpenseChange(), after.recurringExpenseChange())) {
			changed.add(RECURRING_EXPENSE_CHANGE);
		}
		if (!before.oneOffs().equals(after.oneOffs())) {
			changed.add(ONE_OFFS);
		}
		return changed;
	}

	private static boolean differ(java.math.@org.jspecify.annotations.Nullable BigDecimal before,
			java.math.@org.jspecify.annotations.Nullable BigDecimal after) {
		return before == null || after == null ? before != after : before.compareTo(after) != 0;
	}

}
