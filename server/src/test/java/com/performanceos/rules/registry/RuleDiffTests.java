package com.performanceos.rules.registry;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.performanceos.rules.engine.JsonValues;

import static org.assertj.core.api.Assertions.assertThat;

/** The structural diff and the sub-decision circle search, without a database. */
class RuleDiffTests {

	private static String table(String... cells) {
		return JsonValues.write(JsonValues.of(Map.of("hitPolicy", "FIRST", "rules",
				List.of(cells).stream().map(cell -> Map.of("inputEntries", List.of(cell), "outputEntries", List.of("1"))).toList())));
	}

	private static List<String> summary(List<RuleDiff.Change> changes) {
		return changes.stream().map(change -> change.kind() + " " + change.path()).toList();
	}

	@Test
	void rowsEqualInBothVersionsAnchorTheAlignmentSoAnInsertedRowDoesNotShiftEveryOther() {
		assertThat(summary(RuleDiff.between(RuleKind.DECISION_TABLE, table("a", "b", "c", "d"), table("new", "a", "b", "c", "d"))))
			.containsExactly("ROW_ADDED rules[0]");
		assertThat(summary(RuleDiff.between(RuleKind.DECISION_TABLE, table("a", "b", "c", "d"), table("a", "c", "d"))))
			.containsExactly("ROW_REMOVED rules[1]");
		assertThat(summary(RuleDiff.between(RuleKind.DECISION_TABLE, table("a", "b", "c"), table("a", "x", "c", "y"))))
			.containsExactly("ROW_CHANGED rules[1]", "ROW_ADDED rules[3]");
		assertThat(RuleDiff.between(RuleKind.DECISION_TABLE, table("a", "b"), table("a", "b"))).isEmpty();
	}

	@Test
	void aCircleIsFoundThroughAnyPathBackToTheStartAndNamedInOrder() {
		Map<String, Set<String>> calls = Map.of("a", Set.of("b"), "b", Set.of("c", "d"), "c", Set.of(), "d", Set.of("a"));
		assertThat(SubDecisions.circle("a", calls)).containsExactly("a", "b", "d", "a");
		assertThat(SubDecisions.circle("a", Map.of("a", Set.of("b"), "b", Set.of("c")))).isNull();
		assertThat(SubDecisions.circle("a", Map.of("a", Set.of("b"), "b", Set.of("b")))).isNull();
	}

}
