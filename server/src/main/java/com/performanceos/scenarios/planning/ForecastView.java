package com.performanceos.scenarios.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.Money;
import com.performanceos.scenarios.cash.Bucket;
import com.performanceos.scenarios.cash.CashCategory;
import com.performanceos.scenarios.cash.CashFlow;
import com.performanceos.scenarios.cash.CashForecast;
import com.performanceos.scenarios.cash.Drivers;
import com.performanceos.scenarios.cash.OneOff;

/** The schema's {@code CashForecast}: one recalculation, shaped for the API (amounts as {@code Money}). */
public record ForecastView(CashForecast forecast, LocalDate asOf, int horizonDays) {

	public Currency reportingCurrency() {
		return Currency.getInstance(forecast.reportingCurrency());
	}

	public Money opening() {
		return money(forecast.opening());
	}

	public Money closing() {
		return money(forecast.closing());
	}

	public Money lowestClosing() {
		return money(forecast.lowestClosing());
	}

	public LocalDate lowestDate() {
		return forecast.lowestDate();
	}

	public @Nullable LocalDate cashOutDate() {
		return forecast.cashOutDate();
	}

	public @Nullable Integer runwayDays() {
		return forecast.runwayDays();
	}

	public DriversView drivers() {
		return DriversView.of(forecast.drivers());
	}

	/** The schema's {@code ForecastGranularity}. */
	public enum Granularity {

		DAY, WEEK

	}

	public List<BucketView> buckets(Granularity granularity) {
		List<Bucket> buckets = granularity == Granularity.DAY ? forecast.daily() : forecast.weekly();
		return buckets.stream().map(bucket -> new BucketView(bucket, reportingCurrency())).toList();
	}

	Money money(BigDecimal amount) {
		return new Money(amount, reportingCurrency());
	}

	/** The schema's {@code CashBucket}. */
	public record BucketView(Bucket bucket, Currency currency) {

		public LocalDate start() {
			return bucket.start();
		}

		public LocalDate end() {
			return bucket.end();
		}

		public Money opening() {
			return new Money(bucket.opening(), currency);
		}

		public Money closing() {
			return new Money(bucket.closing(), currency);
		}

		public List<CategoryAmount> inflows() {
			return amounts(bucket.inflows());
		}

		public List<CategoryAmount> outflows() {
			return amounts(bucket.outflows());
		}

		/** The movements behind the totals, in the engine's order (category, then source), optionally of one category. */
		public List<FlowView> flows(@Nullable CashCategory category, int first) {
			return bucket.flows().stream()
				.filter(flow -> category == null || flow.category() == category)
				.limit(first)
				.map(flow -> FlowView.of(flow, currency))
				.toList();
		}

		private List<CategoryAmount> amounts(Map<CashCategory, BigDecimal> totals) {
			return totals.entrySet().stream()
				.sorted(Map.Entry.comparingByKey())
				.map(entry -> new CategoryAmount(entry.getKey(), new Money(entry.getValue(), currency)))
				.toList();
		}

	}

	/** The schema's {@code CategoryAmount}. */
	public record CategoryAmount(CashCategory category, Money amount) {
	}

	/** The schema's {@code ForecastFlow}: one movement and where it comes from. */
	public record FlowView(LocalDate date, CashCategory category, Money amount, String sourceId, String derivation) {

		static FlowView of(CashFlow flow, Currency currency) {
			return new FlowView(flow.date(), flow.category(), new Money(flow.amount(), currency), flow.source().id(),
					flow.source().derivation());
		}

	}

	/** The schema's {@code ScenarioDrivers}. */
	public record DriversView(BigDecimal revenueGrowth, int collectionDelayShiftDays, BigDecimal collectionRate,
			int payablesStretchDays, BigDecimal recurringExpenseChange, List<OneOffView> oneOffs) {

		static DriversView of(Drivers drivers) {
			return new DriversView(drivers.revenueGrowth(), drivers.collectionDelayShiftDays(), drivers.collectionRate(),
					drivers.payablesStretchDays(), drivers.recurringExpenseChange(),
					drivers.oneOffs().stream().map(OneOffView::of).toList());
		}

	}

	/** The schema's {@code OneOffItem}. */
	public record OneOffView(String id, String label, LocalDate date, Money amount) {

		static OneOffView of(OneOff oneOff) {
			return new OneOffView(oneOff.id(), oneOff.label(), oneOff.date(), new Money(oneOff.amount(), Currency.getInstance(oneOff.currency())));
		}

	}

}
