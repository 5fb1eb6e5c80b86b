package com.performanceos.scenarios.planning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import com.performanceos.scenarios.cash.DriverOverrides;

/** The schema's {@code DriverChange}: who changed a scenario's drivers, when, and which ones. */
record DriverChangeView(int revision, String changedBy, Instant changedAt, List<FieldChange> changes) {

	/** The schema's {@code DriverFieldChange}; values as text, null when the driver was inherited. */
	record FieldChange(String driver, @Nullable String before, @Nullable String after) {
	}

	static DriverChangeView of(ScenarioStore.DriverChange change) {
		List<FieldChange> changes = new ArrayList<>();
		compare(changes, "revenueGrowth", change, DriverOverrides::revenueGrowth);
		compare(changes, "collectionDelayShiftDays", change, DriverOverrides::collectionDelayShiftDays);
		compare(changes, "collectionRate", change, DriverOverrides::collectionRate);
		compare(changes, "payablesStretchDays", change, DriverOverrides::payablesStretchDays);
		compare(changes, "recurringExpenseChange", change, DriverOverrides::recurringExpenseChange);
		compare(changes, "oneOffs", change, overrides -> overrides.oneOffs().isEmpty() ? null
				: overrides.oneOffs().stream().map(oneOff -> oneOff.label() + " " + oneOff.date() + " " + oneOff.amount().toPlainString() + " "
						+ oneOff.currency()).toList());
		return new DriverChangeView(change.revision(), change.changedBy(), change.changedAt(), List.copyOf(changes));
	}

	private static void compare(List<FieldChange> changes, String driver, ScenarioStore.DriverChange change,
			Function<DriverOverrides, @Nullable Object> value) {
		String before = text(value.apply(change.before()));
		String after = text(value.apply(change.after()));
		if (!Objects.equals(before, after)) {
			changes.add(new FieldChange(driver, before, after));
		}
	}

	private static @Nullable String text(@Nullable Object value) {
		if (value instanceof java.math.BigDecimal decimal) {
			return decimal.stripTrailingZeros().toPlainString();
		}
		return value == null ? null : value.toString();
	}

}
