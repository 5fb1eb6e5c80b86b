package com.performanceos.scenarios.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.Money;
import com.performanceos.scenarios.cash.Bucket;
import com.performanceos.scenarios.cash.CashCategory;

/**
 * The schema's {@code ScenarioComparison}: forecasts side by side and, for each after the first, its
 * difference from the first per bucket and category. Buckets are matched by position (week 1 with
 * week 1), so versions saved on different days compare as "the first 13 weeks of each". Public for the comparison's
 * CSV and PDF exports ({@code scenarios.exports}), which write what {@code compareScenarios} answers.
 */
public record ScenarioComparison(ForecastView.Granularity granularity, List<Series> series, List<Delta> deltas) {

	/** Most forecasts one comparison holds. */
	public static final int SERIES_MAX = 6;

	/** The schema's {@code ComparedItemInput}: a scenario (recalculated now) or a saved version, by global id. */
	public record Item(@Nullable String scenarioId, @Nullable String versionId) {
	}

	/** The schema's {@code ComparedSeries}. */
	public record Series(String label, @Nullable Scenario scenario, @Nullable ScenarioVersion version, ForecastView forecast) {
	}

	/** The schema's {@code ComparisonDelta}: series {@code series} minus series 0. */
	public record Delta(int series, List<BucketDelta> buckets) {
	}

	/** The schema's {@code BucketDelta}: differences of one bucket (the other's minus the first's). */
	public record BucketDelta(LocalDate start, LocalDate end, Money closing, List<ForecastView.CategoryAmount> inflows,
			List<ForecastView.CategoryAmount> outflows) {
	}

	static ScenarioComparison of(ForecastView.Granularity granularity, List<Series> series) {
		if (series.size() < 2 || series.size() > SERIES_MAX) {
			throw new IllegalArgumentException("compare 2 to " + SERIES_MAX + " forecasts");
		}
		ForecastView base = series.getFirst().forecast();
		List<Delta> deltas = new ArrayList<>();
		for (int index = 1; index < series.size(); index++) {
			ForecastView other = series.get(index).forecast();
			if (!other.reportingCurrency().equals(base.reportingCurrency())) {
				throw new IllegalArgumentException("forecasts in " + base.reportingCurrency() + " and " + other.reportingCurrency()
						+ " cannot be compared");
			}
			deltas.add(new Delta(index, delta(buckets(base, granularity), buckets(other, granularity), base)));
		}
		return new ScenarioComparison(granularity, List.copyOf(series), List.copyOf(deltas));
	}

	/** The buckets of a forecast at this comparison's granularity. */
	public List<Bucket> buckets(ForecastView view) {
		return buckets(view, granularity);
	}

	private static List<Bucket> buckets(ForecastView view, ForecastView.Granularity granularity) {
		return granularity == ForecastView.Granularity.DAY ? view.forecast().daily() : view.forecast().weekly();
	}

	private static List<BucketDelta> delta(List<Bucket> base, List<Bucket> other, ForecastView currency) {
		List<BucketDelta> deltas = new ArrayList<>();
		for (int index = 0; index < Math.min(base.size(), other.size()); index++) {
			Bucket first = base.get(index);
			Bucket second = other.get(index);
			deltas.add(new BucketDelta(first.start(), first.end(), currency.money(second.closing().subtract(first.closing())),
					difference(first.inflows(), second.inflows(), currency), difference(first.outflows(), second.outflows(), currency)));
		}
		return List.copyOf(deltas);
	}

	/** Per category present in either bucket, in category order; zero differences are kept (they are facts too). */
	private static List<ForecastView.CategoryAmount> difference(Map<CashCategory, BigDecimal> first, Map<CashCategory, BigDecimal> second,
			ForecastView currency) {
		Map<CashCategory, BigDecimal> delta = new EnumMap<>(CashCategory.class);
		first.forEach((category, amount) -> delta.merge(category, amount.negate(), BigDecimal::add));
		second.forEach((category, amount) -> delta.merge(category, amount, BigDecimal::add));
		return delta.entrySet().stream().map(entry -> new ForecastView.CategoryAmount(entry.getKey(), currency.money(entry.getValue()))).toList();
	}

}
