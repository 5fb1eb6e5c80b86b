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

import org.jspecify.annotations.Nullable;

/**
 * The direct-method cash forecast: opening balance, then each day's projected receipts and payments.
 * Pure and deterministic (no clock, no I/O; flows are ordered by date, category and source id), so a
 * saved version recalculates to the same figures.
 */
public final class CashForecastEngine {

	private static final CashCategory[] CATEGORIES = CashCategory.values();

	public CashForecast forecast(ForecastInputs inputs, Scenario scenario) {
		return forecast(prepare(inputs), scenario.drivers());
	}

	public CashForecast forecast(ForecastInputs inputs, Drivers drivers) {
		return forecast(prepare(inputs), drivers);
	}

	/**
	 * The facts in the form a recalculation reads. A caller that recalculates the same facts under many drivers (a
	 * person moving a slider) prepares them once; preparing costs about what one recalculation did before it existed.
	 */
	public PreparedFacts prepare(ForecastInputs inputs) {
		return new PreparedFacts(inputs);
	}

	/**
	 * One recalculation. Totals per (day, category) are summed in cents without a {@code CashFlow} per invoice; the
	 * flows behind them (100,000 with as many invoices) are only projected when a bucket's {@link Bucket#flows()} is
	 * read, which a drill-down does and a slider does not. Both come from the same facts and rounding, so the totals
	 * are exactly the sums of the flows ({@code CashForecastTotalsTests}).
	 */
	public CashForecast forecast(PreparedFacts facts, Drivers drivers) {
		ForecastInputs inputs = facts.inputs();
		int days = inputs.horizonDays();
		FlowProjector projector = new FlowProjector(inputs, drivers);
		Drilldown drilldown = new Drilldown(inputs, drivers);
		BigDecimal[][] in = new BigDecimal[days][];
		BigDecimal[][] out = new BigDecimal[days][];
		try {
			DailyTotals totals = DailyTotals.of(facts, drivers, projector.projectBeyondInvoicesAndBills());
			for (int day = 0; day < days; day++) {
				in[day] = new BigDecimal[CATEGORIES.length];
				out[day] = new BigDecimal[CATEGORIES.length];
				for (CashCategory category : CATEGORIES) {
					in[day][category.ordinal()] = totals.inflow(day, category);
					out[day][category.ordinal()] = totals.outflow(day, category);
				}
			}
		}
		catch (ArithmeticException beyondCents) {
			// Amounts beyond the cents range (see PreparedFacts.MAXIMUM_CENTS): total the exact flows instead.
			for (int day = 0; day < days; day++) {
				in[day] = new BigDecimal[CATEGORIES.length];
				out[day] = new BigDecimal[CATEGORIES.length];
				sum(drilldown.day(day), in[day], out[day]);
			}
		}

		BigDecimal opening = facts.opening();
		List<Bucket> daily = new ArrayList<>(days);
		BigDecimal balance = opening;
		BigDecimal lowest = null;
		LocalDate lowestDate = inputs.asOf();
		LocalDate cashOutDate = null;
		for (int day = 0; day < days; day++) {
			LocalDate date = inputs.asOf().plusDays(day);
			Bucket bucket = bucket(date, balance, in[day], out[day], drilldown.lazyDay(day));
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

	/** Exact totals of flows into arrays by category ordinal, null where a category has no money in (or out). */
	private static void sum(List<CashFlow> flows, BigDecimal[] in, BigDecimal[] out) {
		for (CashFlow flow : flows) {
			BigDecimal amount = flow.amount();
			int category = flow.category().ordinal();
			if (amount.signum() > 0) {
				in[category] = in[category] == null ? amount : in[category].add(amount);
			}
			else if (amount.signum() < 0) {
				out[category] = out[category] == null ? amount.negate() : out[category].add(amount.negate());
			}
		}
	}

	/**
	 * The flows of every day, projected on first demand and kept: the projector emits them in category then source-id
	 * order (ForecastInputs keeps its facts sorted by id once), and distributing them to days keeps that order, so
	 * the output does not depend on input order and no per-day sort runs.
	 */
	private static final class Drilldown {

		private final ForecastInputs inputs;

		private final Drivers drivers;

		private @Nullable List<List<CashFlow>> byDay;

		Drilldown(ForecastInputs inputs, Drivers drivers) {
			this.inputs = inputs;
			this.drivers = drivers;
		}

		synchronized List<CashFlow> day(int day) {
			if (byDay == null) {
				byDay = project();
			}
			return byDay.get(day);
		}

		List<CashFlow> lazyDay(int day) {
			return new AbstractList<>() {

				@Override
				public CashFlow get(int index) {
					return day(day).get(index);
				}

				@Override
				public int size() {
					return day(day).size();
				}

			};
		}

		private List<List<CashFlow>> project() {
			int days = inputs.horizonDays();
			List<List<CashFlow>> flowsByDay = new ArrayList<>(days);
			for (int day = 0; day < days; day++) {
				flowsByDay.add(new ArrayList<>());
			}
			long asOfDay = inputs.asOf().toEpochDay();
			for (CashFlow flow : new FlowProjector(inputs, drivers).project()) {
				flowsByDay.get((int) (flow.date().toEpochDay() - asOfDay)).add(flow);
			}
			return flowsByDay.stream().map(Collections::unmodifiableList).toList();
		}

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

		Concatenation(List<List<CashFlow>> parts) {
			this.parts = List.copyOf(parts);
		}

		@Override
		public CashFlow get(int index) {
			int size = size();
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

		/** Summed on each call, not at construction: the days' lists are projected only when read. */
		@Override
		public int size() {
			return parts.stream().mapToInt(List::size).sum();
		}

	}

	private static Bucket bucket(LocalDate date, BigDecimal opening, BigDecimal[] in, BigDecimal[] out, List<CashFlow> flows) {
		BigDecimal closing = opening;
		for (int category = 0; category < CATEGORIES.length; category++) {
			in[category] = nonZero(in[category]);
			out[category] = nonZero(out[category]);
			if (in[category] != null) {
				closing = closing.add(in[category]);
			}
			if (out[category] != null) {
				closing = closing.subtract(out[category]);
			}
		}
		// The maps and the list are the engine's own and never change after this: wrapped, not copied.
		return new Bucket(date, date, opening, totals(in), totals(out), closing, flows);
	}

	/** A category is listed only when money moved in it: sums of strictly positive amounts are zero only when empty. */
	private static @Nullable BigDecimal nonZero(@Nullable BigDecimal total) {
		return total == null || total.signum() == 0 ? null : total;
	}

	private static Map<CashCategory, BigDecimal> totals(@Nullable BigDecimal[] byOrdinal) {
		Map<CashCategory, BigDecimal> totals = new EnumMap<>(CashCategory.class);
		for (int ordinal = 0; ordinal < byOrdinal.length; ordinal++) {
			if (byOrdinal[ordinal] != null) {
				totals.put(CATEGORIES[ordinal], byOrdinal[ordinal]);
			}
		}
		return Collections.unmodifiableMap(totals);
	}

}
