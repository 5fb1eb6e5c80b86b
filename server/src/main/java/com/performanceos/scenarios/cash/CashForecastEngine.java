package com.performanceos.scenarios.cash;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The direct-method cash forecast: opening balance, then each day's projected receipts and payments.
 * Pure and deterministic (no clock, no I/O; flows are ordered by date, category and source id), so a
 * saved version recalculates to the same figures.
 */
public final class CashForecastEngine {

	private static final Comparator<CashFlow> WITHIN_DAY = (left, right) -> {
		int byCategory = left.category().compareTo(right.category());
		return byCategory != 0 ? byCategory : left.source().id().compareTo(right.source().id());
	};

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
		for (CashFlow flow : flows) {
			flowsByDay.get((int) ChronoUnit.DAYS.between(inputs.asOf(), flow.date())).add(flow);
		}
		// Within a day, category then source id: the order (and so the output) does not depend on input order.
		for (List<CashFlow> dayFlows : flowsByDay) {
			dayFlows.sort(WITHIN_DAY);
		}

		List<Bucket> daily = new ArrayList<>(days);
		BigDecimal balance = opening;
		BigDecimal lowest = null;
		LocalDate lowestDate = inputs.asOf();
		LocalDate cashOutDate = null;
		for (int day = 0; day < days; day++) {
			LocalDate date = inputs.asOf().plusDays(day);
			Bucket bucket = bucket(date, date, balance, flowsByDay.get(day));
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
			int last = Math.min(first + 7, days) - 1;
			List<CashFlow> weekFlows = new ArrayList<>();
			for (int day = first; day <= last; day++) {
				weekFlows.addAll(flowsByDay.get(day));
			}
			weekly.add(bucket(daily.get(first).start(), daily.get(last).start(), daily.get(first).opening(), weekFlows));
		}
		Integer runwayDays = cashOutDate == null ? null : (int) ChronoUnit.DAYS.between(inputs.asOf(), cashOutDate);
		return new CashForecast(inputs.reportingCurrency(), drivers, opening, List.copyOf(daily), List.copyOf(weekly),
				lowest == null ? opening : lowest, lowestDate, cashOutDate, runwayDays);
	}

	private static Bucket bucket(LocalDate start, LocalDate end, BigDecimal opening, List<CashFlow> flows) {
		Map<CashCategory, BigDecimal> inflows = new EnumMap<>(CashCategory.class);
		Map<CashCategory, BigDecimal> outflows = new EnumMap<>(CashCategory.class);
		BigDecimal closing = opening;
		for (CashFlow flow : flows) {
			closing = closing.add(flow.amount());
			if (flow.amount().signum() > 0) {
				inflows.merge(flow.category(), flow.amount(), BigDecimal::add);
			}
			else if (flow.amount().signum() < 0) {
				outflows.merge(flow.category(), flow.amount().negate(), BigDecimal::add);
			}
		}
		return new Bucket(start, end, opening, Map.copyOf(inflows), Map.copyOf(outflows), closing, List.copyOf(flows));
	}

}
