package com.performanceos.scenarios.cash;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the facts and the drivers into dated cash flows in the reporting currency, each with its
 * source. Flows expected before {@code asOf} (overdue invoices and bills) land on {@code asOf}: they are
 * still expected, just late. Flows after the last day are left out.
 */
final class FlowProjector {

	private static final String RECEIVABLE_CUSTOMER_DELAY = "due %s + %d d customer delay + %d d shift; %s %s × %s collected";

	private static final String RECEIVABLE_PORTFOLIO_DELAY = "due %s + %d d portfolio median delay + %d d shift; %s %s × %s collected";

	private final ForecastInputs inputs;

	private final Drivers drivers;

	private final CurrencyConverter converter;

	FlowProjector(ForecastInputs inputs, Drivers drivers) {
		this.inputs = inputs;
		this.drivers = drivers;
		this.converter = new CurrencyConverter(inputs.rates(), inputs.reportingCurrency(), inputs.asOf());
	}

	BigDecimal openingBalance() {
		BigDecimal opening = BigDecimal.ZERO.setScale(2);
		for (ForecastInputs.BankBalance balance : inputs.balances()) {
			opening = opening.add(converter.toReporting(balance.amount(), balance.currency()));
		}
		return opening;
	}

	/**
	 * Every flow, in category order (receivables, payables, recurring, new business, one-offs: the enum's order)
	 * and within a category in source-id order, which {@link ForecastInputs} keeps its facts in. The engine relies
	 * on it: distributed to days in this order, each day's flows are already in (category, source id) order.
	 */
	List<CashFlow> project() {
		List<CashFlow> flows = new ArrayList<>();
		receivables(flows);
		payables(flows);
		recurring(flows);
		newBusiness(flows);
		oneOffs(flows);
		return flows;
	}

	/**
	 * The flows other than invoices and bills (recurring occurrences, run-rate days, one-offs), in the same order as
	 * {@link #project()}: a few hundred at most, which the engine totals as flows while it sums invoices and bills in cents.
	 */
	List<CashFlow> projectBeyondInvoicesAndBills() {
		List<CashFlow> flows = new ArrayList<>();
		recurring(flows);
		newBusiness(flows);
		oneOffs(flows);
		return flows;
	}

	/**
	 * The delay of a customer without paid history: the median of the other customers' delays (the
	 * portfolio's usual behaviour; rounded half up to whole days), or 0 (due date) with no history at all.
	 */
	static int fallbackDelayDays(Map<String, Integer> customerDelayDays) {
		List<Integer> delays = customerDelayDays.values().stream().sorted().toList();
		if (delays.isEmpty()) {
			return 0;
		}
		int middle = delays.size() / 2;
		return delays.size() % 2 == 1 ? delays.get(middle) : Math.round((delays.get(middle - 1) + delays.get(middle)) / 2.0f);
	}

	private void receivables(List<CashFlow> flows) {
		int fallback = fallbackDelayDays(inputs.customerDelayDays());
		for (ForecastInputs.Receivable invoice : inputs.receivables()) {
			Integer observed = inputs.customerDelayDays().get(invoice.customerId());
			int delay = observed != null ? observed : fallback;
			LocalDate expected = invoice.dueDate().plusDays(delay + (long) drivers.collectionDelayShiftDays());
			BigDecimal amount = converter.toReporting(invoice.amount(), invoice.currency()).multiply(drivers.collectionRate())
				.setScale(2, RoundingMode.HALF_EVEN);
			SourceReference source = new SourceReference(CashCategory.RECEIVABLES, invoice.invoiceId(),
					observed != null ? RECEIVABLE_CUSTOMER_DELAY : RECEIVABLE_PORTFOLIO_DELAY, List.of(invoice.dueDate(), delay,
							drivers.collectionDelayShiftDays(), invoice.amount(), invoice.currency(), drivers.collectionRate()));
			add(flows, expected, amount, source);
		}
	}

	private void payables(List<CashFlow> flows) {
		for (ForecastInputs.Payable bill : inputs.payables()) {
			LocalDate expected = bill.dueDate().plusDays(drivers.payablesStretchDays());
			add(flows, expected, converter.toReporting(bill.amount(), bill.currency()).negate(),
					new SourceReference(CashCategory.PAYABLES, bill.billId(), "due %s + %d d stretch; %s %s",
							List.of(bill.dueDate(), drivers.payablesStretchDays(), bill.amount(), bill.currency())));
		}
	}

	private void recurring(List<CashFlow> flows) {
		BigDecimal expenseFactor = BigDecimal.ONE.add(drivers.recurringExpenseChange());
		for (ForecastInputs.RecurringFlow series : inputs.recurringFlows()) {
			BigDecimal converted = converter.toReporting(series.amount(), series.currency());
			boolean expense = converted.signum() < 0;
			BigDecimal amount = expense ? converted.multiply(expenseFactor).setScale(2, RoundingMode.HALF_EVEN) : converted;
			SourceReference source = expense
					? new SourceReference(CashCategory.RECURRING, series.seriesId(), "%s, %s %s %s × (1 + %s) expense change",
							List.of(series.label(), series.cadence(), series.amount(), series.currency(), drivers.recurringExpenseChange()))
					: new SourceReference(CashCategory.RECURRING, series.seriesId(), "%s, %s %s %s",
							List.of(series.label(), series.cadence(), series.amount(), series.currency()));
			// Bounded: a weekly series has at most 53 occurrences in a year-long horizon.
			for (LocalDate date = series.nextDate(); !date.isAfter(inputs.lastDay()); date = series.cadence().next(date)) {
				if (!date.isBefore(inputs.asOf())) {
					flows.add(new CashFlow(date, amount, source));
				}
			}
		}
	}

	private void newBusiness(List<CashFlow> flows) {
		ForecastInputs.RunRate runRate = inputs.runRate();
		BigDecimal factor = BigDecimal.ONE.add(drivers.revenueGrowth());
		for (int day = 0; day < runRate.dailyAmounts().size(); day++) {
			LocalDate date = runRate.firstDay().plusDays(day);
			if (date.isBefore(inputs.asOf()) || date.isAfter(inputs.lastDay())) {
				continue;
			}
			BigDecimal base = runRate.dailyAmounts().get(day);
			flows.add(new CashFlow(date, base.multiply(factor).setScale(2, RoundingMode.HALF_EVEN), new SourceReference(
					CashCategory.NEW_BUSINESS, runRate.modelId(), "run-rate %s × (1 + %s) growth", List.of(base, drivers.revenueGrowth()))));
		}
	}

	private void oneOffs(List<CashFlow> flows) {
		List<OneOff> byId = drivers.oneOffs().stream().sorted(java.util.Comparator.comparing(OneOff::id)).toList();
		for (OneOff oneOff : byId) {
			if (!oneOff.date().isBefore(inputs.asOf()) && !oneOff.date().isAfter(inputs.lastDay())) {
				flows.add(new CashFlow(oneOff.date(), converter.toReporting(oneOff.amount(), oneOff.currency()),
						new SourceReference(CashCategory.ONE_OFF, oneOff.id(), "%s", List.of(oneOff.label()))));
			}
		}
	}

	private void add(List<CashFlow> flows, LocalDate expected, BigDecimal amount, SourceReference source) {
		if (expected.isAfter(inputs.lastDay())) {
			return;
		}
		flows.add(new CashFlow(expected.isBefore(inputs.asOf()) ? inputs.asOf() : expected, amount, source));
	}

}
