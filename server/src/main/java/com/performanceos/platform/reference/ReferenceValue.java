package com.performanceos.platform.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One value of a reference key for the period it is in force.
 *
 * @param key the dotted key, e.g. {@code procurement.eu-threshold.works}
 * @param effectiveFrom the first day the value applies
 * @param effectiveTo the first day it no longer applies, or null while it has no end
 * @param value the value, in {@code unit}
 * @param unit {@code EUR}, {@code DAYS} or {@code PERCENT}
 * @param source the legal text the value comes from, shown to whoever is refused because of it
 */
public record ReferenceValue(String key, LocalDate effectiveFrom, @Nullable LocalDate effectiveTo, BigDecimal value, String unit,
		String source) {

	public ReferenceValue {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(value, "value");
		if (effectiveTo != null && !effectiveTo.isAfter(effectiveFrom)) {
			throw new IllegalArgumentException(key + " ends before it starts");
		}
	}

	/** Whether the value is in force on the day. */
	public boolean inForceOn(LocalDate day) {
		return !day.isBefore(effectiveFrom) && (effectiveTo == null || day.isBefore(effectiveTo));
	}

}
