package com.performanceos.rules.engine.zen;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a unary test accepts, when that can be known without evaluating it: literal values and
 * numeric intervals, possibly negated. Tables use it to find overlapping rows and candidate gaps.
 *
 * @param any the test accepts everything ({@code -} or an empty cell)
 * @param values literal values accepted (strings, booleans, numbers)
 * @param intervals numeric intervals accepted
 * @param negated the test accepts everything except what the values and intervals describe
 */
public record ValueSet(boolean any, Set<Object> values, List<Range> intervals, boolean negated) {

	/**
	 * A numeric interval; a null bound is unbounded.
	 */
	public record Range(@Nullable BigDecimal low, @Nullable BigDecimal high, boolean lowClosed, boolean highClosed) {

		boolean contains(BigDecimal value) {
			boolean aboveLow = this.low == null || (this.lowClosed ? value.compareTo(this.low) >= 0 : value.compareTo(this.low) > 0);
			boolean belowHigh = this.high == null
					|| (this.highClosed ? value.compareTo(this.high) <= 0 : value.compareTo(this.high) < 0);
			return aboveLow && belowHigh;
		}

		boolean intersects(Range other) {
			return below(this, other) && below(other, this);
		}

		/** Whether {@code a} starts before {@code b} ends (so that they can meet). */
		private static boolean below(Range a, Range b) {
			if (a.low == null || b.high == null) {
				return true;
			}
			int order = a.low.compareTo(b.high);
			return order < 0 || (order == 0 && a.lowClosed && b.highClosed);
		}

		boolean within(Range outer) {
			boolean lowInside = outer.low == null || (this.low != null && (this.low.compareTo(outer.low) > 0
					|| (this.low.compareTo(outer.low) == 0 && (outer.lowClosed || !this.lowClosed))));
			boolean highInside = outer.high == null || (this.high != null && (this.high.compareTo(outer.high) < 0
					|| (this.high.compareTo(outer.high) == 0 && (outer.highClosed || !this.highClosed))));
			return lowInside && highInside;
		}

	}

	static final ValueSet ANY = new ValueSet(true, Set.of(), List.of(), false);

	/** Whether some value is certainly accepted by both sets. */
	public boolean certainlyIntersects(ValueSet other) {
		if (this.any || other.any) {
			return !(this.any ? other : this).isEmptyPositive();
		}
		if (this.negated && other.negated) {
			return true;
		}
		if (this.negated || other.negated) {
			ValueSet positive = this.negated ? other : this;
			ValueSet excluded = this.negated ? this : other;
			return positive.values.stream().anyMatch((value) -> !excluded.acceptsPositively(value))
					|| positive.intervals.stream().anyMatch((range) -> excluded.intervals.stream().noneMatch(range::within));
		}
		for (Object value : this.values) {
			if (other.acceptsPositively(value)) {
				return true;
			}
		}
		for (Object value : other.values) {
			if (acceptsPositively(value)) {
				return true;
			}
		}
		for (Range range : this.intervals) {
			for (Range candidate : other.intervals) {
				if (range.intersects(candidate)) {
					return true;
				}
			}
		}
		return false;
	}

	private boolean isEmptyPositive() {
		return !this.any && !this.negated && this.values.isEmpty() && this.intervals.isEmpty();
	}

	private boolean acceptsPositively(Object value) {
		if (this.values.stream().anyMatch((candidate) -> Values.equal(candidate, value))) {
			return true;
		}
		return value instanceof BigDecimal number && this.intervals.stream().anyMatch((range) -> range.contains(number));
	}

}
