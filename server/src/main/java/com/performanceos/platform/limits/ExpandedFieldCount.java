package com.performanceos.platform.limits;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import org.jspecify.annotations.Nullable;

/**
 * How many fields an operation selects once every fragment spread is expanded and every alias
 * counted: the size of the tree graphql-java would normalize and execute. Computed on the parsed
 * document, never by expanding it: each fragment is counted once and its count reused wherever it
 * is spread, so a document of a kilobyte whose fragments double each other 23 times is counted in
 * microseconds as 2<sup>23</sup> fields, where building its normalized form runs out of memory.
 * Counts saturate at {@link Long#MAX_VALUE}; a spread of a fragment that is being counted (a cycle,
 * which validation refuses anyway) counts nothing.
 */
final class ExpandedFieldCount {

	private final Map<String, FragmentDefinition> fragments = new HashMap<>();

	private final Map<String, Long> countByFragment = new HashMap<>();

	private final Set<String> counting = new HashSet<>();

	private ExpandedFieldCount(Document document) {
		for (Definition<?> definition : document.getDefinitions()) {
			if (definition instanceof FragmentDefinition fragment) {
				fragments.putIfAbsent(fragment.getName(), fragment);
			}
		}
	}

	/** The largest expanded field count of the document's operations (0 for a document without one). */
	static long largestOperation(Document document) {
		ExpandedFieldCount counter = new ExpandedFieldCount(document);
		long largest = 0;
		for (Definition<?> definition : document.getDefinitions()) {
			if (definition instanceof OperationDefinition operation) {
				largest = Math.max(largest, counter.count(operation.getSelectionSet()));
			}
		}
		return largest;
	}

	private long count(@Nullable SelectionSet selections) {
		if (selections == null) {
			return 0;
		}
		long total = 0;
		for (Selection<?> selection : selections.getSelections()) {
			total = add(total, switch (selection) {
				case Field field -> add(1, count(field.getSelectionSet()));
				case InlineFragment inline -> count(inline.getSelectionSet());
				case FragmentSpread spread -> fragment(spread.getName());
				default -> 0;
			});
		}
		return total;
	}

	private long fragment(String name) {
		Long known = countByFragment.get(name);
		if (known != null) {
			return known;
		}
		FragmentDefinition definition = fragments.get(name);
		if (definition == null || !counting.add(name)) {
			return 0;
		}
		long count = count(definition.getSelectionSet());
		counting.remove(name);
		countByFragment.put(name, count);
		return count;
	}

	private static long add(long a, long b) {
		long sum = a + b;
		return sum < 0 ? Long.MAX_VALUE : sum;
	}

}
