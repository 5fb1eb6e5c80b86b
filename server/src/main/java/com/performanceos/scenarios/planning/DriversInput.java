package com.performanceos.scenarios.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.scenarios.cash.DriverOverrides;
import com.performanceos.scenarios.cash.OneOff;

/**
 * The schema's {@code DriverOverridesInput}: the drivers a scenario sets itself (an absent one is
 * inherited) and its own one-off items. Bounds are checked here so that every stored override resolves
 * to valid drivers.
 */
record DriversInput(@Nullable BigDecimal revenueGrowth, @Nullable Integer collectionDelayShiftDays,
		@Nullable BigDecimal collectionRate, @Nullable Integer payablesStretchDays, @Nullable BigDecimal recurringExpenseChange,
		@Nullable List<OneOffInput> oneOffs) {

	/** Most one-off items a scenario may add. */
	static final int ONE_OFFS_MAX = 100;

	/** Largest growth or expense change accepted: +1,000 %. */
	private static final BigDecimal CHANGE_MAX = BigDecimal.TEN;

	private static final int SHIFT_DAYS_MAX = 365;

	private static final int LABEL_LENGTH_MAX = 200;

	/** Largest one-off amount, in its currency: far above any real item, well inside numeric(38,6). */
	private static final BigDecimal AMOUNT_MAX = new BigDecimal("1000000000000");

	static final DriversInput NONE = new DriversInput(null, null, null, null, null, null);

	/** The schema's {@code OneOffInput}: a signed amount (negative for a payment) on a date. */
	record OneOffInput(String label, LocalDate date, BigDecimal amount, Currency currency) {
	}

	String fingerprint() {
		StringBuilder text = new StringBuilder().append(revenueGrowth).append('\u001f').append(collectionDelayShiftDays).append('\u001f')
			.append(collectionRate).append('\u001f').append(payablesStretchDays).append('\u001f').append(recurringExpenseChange);
		for (OneOffInput oneOff : oneOffs()) {
			text.append('\u001e').append(oneOff.label().strip()).append('\u001f').append(oneOff.date()).append('\u001f')
				.append(oneOff.amount().stripTrailingZeros().toPlainString()).append('\u001f').append(oneOff.currency());
		}
		return text.toString();
	}

	@Override
	public List<OneOffInput> oneOffs() {
		return oneOffs == null ? List.of() : oneOffs;
	}

	void validate(String field, List<ScenarioError> errors) {
		if (revenueGrowth != null && outside(revenueGrowth, BigDecimal.ONE.negate(), CHANGE_MAX)) {
			errors.add(ScenarioError.invalid(field, "revenueGrowth must be between -1 and 10 (a fraction: 0.1 is +10 %)"));
		}
		if (recurringExpenseChange != null && outside(recurringExpenseChange, BigDecimal.ONE.negate(), CHANGE_MAX)) {
			errors.add(ScenarioError.invalid(field, "recurringExpenseChange must be between -1 and 10 (a fraction)"));
		}
		if (collectionRate != null && outside(collectionRate, BigDecimal.ZERO, BigDecimal.ONE)) {
			errors.add(ScenarioError.invalid(field, "collectionRate must be between 0 and 1"));
		}
		if (collectionDelayShiftDays != null && Math.abs(collectionDelayShiftDays) > SHIFT_DAYS_MAX
				|| payablesStretchDays != null && Math.abs(payablesStretchDays) > SHIFT_DAYS_MAX) {
			errors.add(ScenarioError.invalid(field, "day shifts must be between -365 and 365"));
		}
		if (oneOffs().size() > ONE_OFFS_MAX) {
			errors.add(ScenarioError.invalid(field, "at most " + ONE_OFFS_MAX + " one-off items"));
			return;
		}
		for (OneOffInput oneOff : oneOffs()) {
			if (oneOff.label().isBlank() || oneOff.label().strip().length() > LABEL_LENGTH_MAX) {
				errors.add(ScenarioError.invalid(field, "a one-off label must have 1 to " + LABEL_LENGTH_MAX + " characters"));
			}
			if (oneOff.amount().signum() == 0 || oneOff.amount().abs().compareTo(AMOUNT_MAX) > 0 || oneOff.amount().scale() > 6) {
				errors.add(ScenarioError.invalid(field, "a one-off amount must be non-zero, at most 10^12 and have at most 6 decimals"));
			}
		}
	}

	DriverOverrides toOverrides() {
		List<OneOff> items = new ArrayList<>();
		for (OneOffInput oneOff : oneOffs()) {
			items.add(new OneOff(UUID.randomUUID().toString(), oneOff.label().strip(), oneOff.date(), oneOff.amount(),
					oneOff.currency().getCurrencyCode()));
		}
		return new DriverOverrides(revenueGrowth, collectionDelayShiftDays, collectionRate, payablesStretchDays,
				recurringExpenseChange, items);
	}

	private static boolean outside(BigDecimal value, BigDecimal minimum, BigDecimal maximum) {
		return value.compareTo(minimum) < 0 || value.compareTo(maximum) > 0;
	}

}
