package com.performanceos.bench.cube;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Durations of one side of the benchmark, in milliseconds, and their order statistics. */
final class Timings {

	private final List<Double> millis = new ArrayList<>();

	void add(double value) {
		millis.add(value);
	}

	double median() {
		return quantile(0.5);
	}

	/** Nearest-rank percentile: with 20 rounds, p90 is the 18th value. */
	double p90() {
		List<Double> sorted = sorted();
		return sorted.get((int) Math.ceil(0.9 * sorted.size()) - 1);
	}

	double min() {
		return sorted().get(0);
	}

	double max() {
		return sorted().get(millis.size() - 1);
	}

	double get(int index) {
		return millis.get(index);
	}

	private double quantile(double q) {
		List<Double> sorted = sorted();
		double position = q * (sorted.size() - 1);
		int lower = (int) Math.floor(position);
		int upper = (int) Math.ceil(position);
		return sorted.get(lower) + (sorted.get(upper) - sorted.get(lower)) * (position - lower);
	}

	private List<Double> sorted() {
		if (millis.isEmpty()) {
			throw new IllegalStateException("No timings");
		}
		List<Double> sorted = new ArrayList<>(millis);
		Collections.sort(sorted);
		return sorted;
	}

	String summary() {
		return String.format("median %.1f ms, p90 %.1f ms, min %.1f ms, max %.1f ms", median(), p90(), min(), max());
	}

}
