package com.performanceos.rules.engine.tables;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.performanceos.rules.engine.JsonValues;
import com.performanceos.rules.engine.RuleDefinitionException.Problem;
import com.performanceos.rules.engine.zen.EvaluationContext;
import com.performanceos.rules.engine.zen.ValueSet;
import com.performanceos.rules.engine.zen.ZenUnaryTest;
import org.jspecify.annotations.Nullable;

/**
 * Static analysis of a table's rules: overlaps (two rules an input can both match), decided per
 * column over value sets and intervals; and gaps (inputs no rule matches), found by trying the
 * values just below, at and above every bound the cells name.
 */
final class TableAnalysis {

	/** Gap hunting tries at most this many candidate inputs: bounds build time on wide tables. */
	static final int GAP_CANDIDATES_MAX = 20_000;

	/** At most this many gaps are reported. */
	static final int GAPS_REPORTED_MAX = 5;

	private static final Pattern FIELD_PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

	private TableAnalysis() {
	}

	/**
	 * Pairs of rules that certainly overlap: every column's cells accept a common value. Cells
	 * whose meaning depends on evaluation (an expression reading {@code $}) are not claimed to
	 * overlap; such tables are checked at evaluation instead, where UNIQUE fails on a second match.
	 */
	static List<Problem> overlaps(TableDefinition definition, ZenUnaryTest[][] tests) {
		List<Problem> problems = new ArrayList<>();
		int columns = definition.inputs().size();
		ValueSet[][] sets = new ValueSet[tests.length][columns];
		for (int row = 0; row < tests.length; row++) {
			for (int column = 0; column < columns; column++) {
				sets[row][column] = tests[row][column].valueSet();
			}
		}
		for (int first = 0; first < tests.length; first++) {
			for (int second = first + 1; second < tests.length; second++) {
				if (overlap(sets[first], sets[second])) {
					problems.add(new Problem("rules " + (first + 1) + " and " + (second + 1),
							"overlap: an input can match both, which the UNIQUE hit policy forbids (rule " + (first + 1) + ": "
									+ String.join(" | ", definition.rules().get(first).inputEntries()) + "; rule " + (second + 1)
									+ ": " + String.join(" | ", definition.rules().get(second).inputEntries()) + ")"));
				}
			}
		}
		return problems;
	}

	private static boolean overlap(@Nullable ValueSet[] a, @Nullable ValueSet[] b) {
		for (int column = 0; column < a.length; column++) {
			if (a[column] == null || b[column] == null || !a[column].certainlyIntersects(b[column])) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Inputs that fall through every rule. Only for tables whose input columns are field paths
	 * (so that a complete example input can be written down); others report no gaps.
	 */
	static List<Problem> gaps(DecisionTable table, TableDefinition definition, ZenUnaryTest[][] tests) {
		List<TableDefinition.InputColumn> columns = definition.inputs();
		if (columns.isEmpty() || columns.stream().anyMatch((column) -> !FIELD_PATH.matcher(column.expression()).matches())) {
			return List.of();
		}
		List<List<@Nullable Object>> candidates = new ArrayList<>();
		for (int column = 0; column < columns.size(); column++) {
			candidates.add(candidates(columns.get(column).type(), tests, column));
		}
		List<Problem> gaps = new ArrayList<>();
		int[] position = new int[columns.size()];
		EvaluationContext context = new EvaluationContext(0, 10_000_000, 10_000_000_000L);
		for (int tried = 0; tried < GAP_CANDIDATES_MAX && gaps.size() < GAPS_REPORTED_MAX; tried++) {
			Object[] values = new Object[columns.size()];
			Map<String, @Nullable Object> input = new LinkedHashMap<>();
			for (int column = 0; column < columns.size(); column++) {
				values[column] = candidates.get(column).get(position[column]);
				insert(input, columns.get(column).expression(), values[column]);
			}
			boolean covered = false;
			for (int row = 0; row < tests.length && !covered; row++) {
				covered = table.matches(row, values, input, context, null);
			}
			if (!covered) {
				gaps.add(new Problem("gap", "no rule matches the input " + JsonValues.write(input)));
			}
			if (!advance(position, candidates)) {
				break;
			}
		}
		return gaps;
	}

	private static boolean advance(int[] position, List<List<@Nullable Object>> candidates) {
		for (int column = position.length - 1; column >= 0; column--) {
			if (++position[column] < candidates.get(column).size()) {
				return true;
			}
			position[column] = 0;
		}
		return false;
	}

	private static List<@Nullable Object> candidates(ColumnType type, ZenUnaryTest[][] tests, int column) {
		List<@Nullable Object> candidates = new ArrayList<>();
		if (type == ColumnType.BOOLEAN) {
			candidates.add(true);
			candidates.add(false);
			return candidates;
		}
		TreeSet<BigDecimal> numbers = new TreeSet<>();
		List<String> strings = new ArrayList<>();
		for (ZenUnaryTest[] row : tests) {
			for (Object literal : row[column].literals()) {
				if (literal instanceof BigDecimal number) {
					numbers.add(number);
				}
				else if (literal instanceof String string && !strings.contains(string)) {
					strings.add(string);
				}
			}
		}
		if (type != ColumnType.STRING) {
			BigDecimal previous = null;
			TreeSet<BigDecimal> points = new TreeSet<>();
			for (BigDecimal number : numbers) {
				points.add(number.subtract(BigDecimal.ONE));
				points.add(number);
				points.add(number.add(BigDecimal.ONE));
				if (previous != null) {
					points.add(previous.add(number).divide(BigDecimal.TWO));
				}
				previous = number;
			}
			if (points.isEmpty()) {
				points.add(BigDecimal.ZERO);
			}
			points.forEach((point) -> candidates.add(JsonValues.normalize(point)));
		}
		if (type != ColumnType.NUMBER && type != ColumnType.DATE) {
			candidates.addAll(strings);
			String other = "other";
			while (strings.contains(other)) {
				other = other + "'";
			}
			candidates.add(other);
		}
		return candidates;
	}

	private static void insert(Map<String, @Nullable Object> input, String path, @Nullable Object value) {
		String[] parts = path.split("\\.");
		Map<String, @Nullable Object> current = input;
		for (int i = 0; i < parts.length - 1; i++) {
			Object next = current.get(parts[i]);
			if (!(next instanceof Map<?, ?>)) {
				next = new LinkedHashMap<String, @Nullable Object>();
				current.put(parts[i], next);
			}
			@SuppressWarnings("unchecked")
			Map<String, @Nullable Object> child = (Map<String, @Nullable Object>) next;
			current = child;
		}
		current.put(parts[parts.length - 1], value);
	}

}
