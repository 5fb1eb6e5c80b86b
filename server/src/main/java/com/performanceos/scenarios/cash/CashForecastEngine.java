package com.performanceos.scenarios.cash;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The direct-method cash forecast: opening balance, then each day's projected receipts and payments.
 * Pure and deterministic (no clock, no I/O; flows are ordered by date, category and source id), so a
 * saved version recalculates to the same figures.
 */
public final class CashForecastEngine {

	public CashForecast forecast(ForecastInputs inputs, Scenario scenario) {
		return forecast(inputs, scenario.drivers());
	}

	public CashForecast forecast(ForecastInputs inputs, Drivers drivers) {
		FlowProjector projector = new FlowProjector(inputs, drivers);
		BigDecimal opening = projector.openingBalance();
		List<CashFlow> flows = projector.project();

		int days = inputs.horizonDays();
		List<List<CashFlow>> flowsByDay = new ArrayList<>(days);
		for (int day = 0; day < days; day++) {
			flowsByDay.add(new ArrayList<>());
		}
		// Day indexes memoised per date: the flows fall on at most horizonDays dates.
		Map<LocalDate, Integer> dayIndex = new java.util.HashMap<>();
		for (CashFlow flow : flows) {
			flowsByDay.get(dayIndex.computeIfAbsent(flow.date(), date -> (int) ChronoUnit.DAYS.between(inputs.asOf(), date))).add(flow);
		}
		// Within a day, category then source id, so the output does not depend on input order: the projector emits
		// flows in that order (ForecastInputs keeps its facts sorted by id once) and distributing them to days keeps
		// it. A per-day sort, even a linear pass over presorted flows, was the largest cost of a recalculation.

		List<Bucket> daily = new ArrayList<>(days);
		BigDecimal balance = opening;
		BigDecimal lowest = null;
		LocalDate lowestDate = inputs.asOf();
		LocalDate cashOutDate = null;
		for (int day = 0; day < days; day++) {
			LocalDate date = inputs.asOf().plusDays(day);
			Bucket bucket = bucket(date, date, balance, Collections.unmodifiableList(flowsByDay.get(day)));
			daily.add(bucket);
			balance = bucket.closing();
			if (lowest == null || balance.compareTo(lowest) < 0) {
				lowest = balance;
				lowestDate = date;
			}
			if (cashOutDate == null && balance.signum() < 0) {
				cashOutDate = date;
			}
		}

		List<Bucket> weekly = new ArrayList<>();
		for (int first = 0; first < days; first += 7) {
			weekly.add(week(daily.subList(first, Math.min(first + 7, days))));
		}
		Integer runwayDays = cashOutDate == null ? null : (int) ChronoUnit.DAYS.between(inputs.asOf(), cashOutDate);
		return new CashForecast(inputs.reportingCurrency(), drivers, opening, List.copyOf(daily), List.copyOf(weekly),
				lowest == null ? opening : lowest, lowestDate, cashOutDate, runwayDays);
	}

	/**
	 * A week from its days: totals summed from the days' totals (a few dozen additions instead of one per flow), and
	 * the flows as a read-only view over the days' lists instead of a copy of them.
	 */
	private static Bucket week(List<Bucket> days) {
		Map<CashCategory, BigDecimal> inflows = new EnumMap<>(CashCategory.class);
		Map<CashCategory, BigDecimal> outflows = new EnumMap<>(CashCategory.class);
		List<List<CashFlow>> flows = new ArrayList<>(days.size());
		for (Bucket day : days) {
			day.inflows().forEach((category, amount) -> inflows.merge(category, amount, BigDecimal::add));
			day.outflows().forEach((category, amount) -> outflows.merge(category, amount, BigDecimal::add));
			flows.add(day.flows());
		}
		return new Bucket(days.getFirst().start(), days.getLast().end(), days.getFirst().opening(), Collections.unmodifiableMap(inflows),
				Collections.unmodifiableMap(outflows), days.getLast().closing(), new Concatenation(flows));
	}

	/** Read-only concatenation of the days' (read-only) flow lists. */
	private static final class Concatenation extends AbstractList<CashFlow> {

		private final List<List<CashFlow>> parts;

		private final int size;

		Concatenation(List<List<CashFlow>> parts) {
			this.parts = List.copyOf(parts);
			this.size = parts.stream().mapToInt(List::size).sum();
		}

		@Override
		public CashFlow get(int index) {
			Objects.checkIndex(index, size);
			int remaining = index;
			for (List<CashFlow> part : parts) {
				if (remaining < part.size()) {
					return part.get(remaining);
				}
				remaining -= part.size();
			}
			throw new IllegalStateException("index " + index + " beyond " + size);
		}

		@Override
		public Iterator<CashFlow> iterator() {
			return parts.stream().flatMap(List::stream).iterator();
		}

		@Override
		public int size() {
			return size;
		}

	}

	private static final CashCategory[] CATEGORIES = CashCategory.values();

	private static Bucket bucket(LocalDate start, LocalDate end, BigDecimal opening, List<CashFlow> flows) {
		// Totals per category in arrays by ordinal: EnumMap.merge per flow (type check, get, put) cost more than the sums.
		BigDecimal[] in = new BigDecimal[CATEGORIES.length];
		BigDecimal[] out = new BigDecimal[CATEGORIES.length];
		BigDecimal closing = opening;
		for (CashFlow flow : flows) {
			BigDecimal amount = flow.amount();
			closing = closing.add(amount);
			int category = flow.category().ordinal();
			if (amount.signum() > 0) {
				in[category] = in[category] == null ? amount : in[category].add(amount);
			}
			else if (amount.signum() < 0) {
				out[category] = out[category] == null ? amount.negate() : out[category].add(amount.negate());
			}
		}
		// The maps and the list are the engine's own and never change after this: wrapped, not copied.
		return new Bucket(start, end, opening, totals(in), totals(out), closing, flows);
	}

	private static Map<CashCategory, BigDecimal> totals(BigDecimal[] byOrdinal) {
		Map<CashCategory, BigDecimal> totals = new EnumMap<>(CashCategory.class);
		for (int ordinal = 0; ordinal < byOrdinal.length; ordinal++) {
			if (byOrdinal[ordinal] != null) {
				totals.put(CATEGORIES[ordinal], byOrdinal[ordinal]);
			}
		}
		return Collections.unmodifiableMap(totals);
	}

}
