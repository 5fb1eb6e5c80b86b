package com.performanceos.rules.engine.graphs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Merging and dotted-path insertion of values, with the semantics of ZEN's {@code Variable}. */
final class Variables {

	private Variables() {
	}

	/**
	 * Merges a patch into a document without changing either. An array patch replaces the
	 * document, any other non-object patch leaves it as it is; between objects a null value
	 * removes the key and nested objects merge.
	 */
	static @Nullable Object merge(@Nullable Object document, @Nullable Object patch) {
		if (patch instanceof List<?>) {
			return patch;
		}
		if (!(patch instanceof Map<?, ?>)) {
			return document;
		}
		return mergeNested(document, patch);
	}

	private static @Nullable Object mergeNested(@Nullable Object document, @Nullable Object patch) {
		if (document instanceof Map<?, ?> base && patch instanceof Map<?, ?> changes) {
			Map<String, @Nullable Object> merged = new LinkedHashMap<>(base.size() + changes.size());
			base.forEach((key, value) -> merged.put((String) key, value));
			changes.forEach((key, value) -> {
				if (value == null) {
					merged.remove(key);
				}
				else {
					merged.put((String) key, mergeNested(merged.get(key), value));
				}
			});
			return merged;
		}
		return patch;
	}

	/** Inserts a value at a dotted path ({@code a.b.c}), creating objects on the way. */
	static void dotInsert(Map<String, @Nullable Object> target, String path, @Nullable Object value) {
		Map<String, @Nullable Object> current = target;
		int start = 0;
		int dot;
		while ((dot = path.indexOf('.', start)) >= 0) {
			String part = path.substring(start, dot);
			Object next = current.get(part);
			if (next instanceof Map<?, ?> map) {
				@SuppressWarnings("unchecked")
				Map<String, @Nullable Object> child = (Map<String, @Nullable Object>) map;
				current = child;
			}
			else if (next == null) {
				Map<String, @Nullable Object> child = new LinkedHashMap<>();
				current.put(part, child);
				current = child;
			}
			else {
				return;
			}
			start = dot + 1;
		}
		current.put(path.substring(start), value);
	}

}
