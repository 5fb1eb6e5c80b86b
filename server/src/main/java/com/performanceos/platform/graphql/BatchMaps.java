package com.performanceos.platform.graphql;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The two shapes of a {@code @BatchMapping}, written once: one load for the distinct keys of a
 * page of parents, then each parent paired with what was loaded for its key. A parent left out of
 * the answer resolves its field to null, which is what the schema promises for a missing relation.
 */
public final class BatchMaps {

	private BatchMaps() {
	}

	/**
	 * A to-one relation: parents without a key, or whose key loads nothing, are left out; no load
	 * runs when no parent has a key.
	 */
	public static <P, K, V> Mono<Map<P, V>> toOne(List<P> parents, Function<P, @Nullable K> key, Function<List<K>, Mono<Map<K, V>>> load) {
		return toOne(parents, key, load, (parent, value) -> value);
	}

	/** A to-one relation whose value depends on the parent too (a line's part of its entry's source). */
	public static <P, K, V, R> Mono<Map<P, R>> toOne(List<P> parents, Function<P, @Nullable K> key, Function<List<K>, Mono<Map<K, V>>> load,
			BiFunction<P, V, R> value) {
		Set<K> keys = new LinkedHashSet<>();
		parents.forEach(parent -> {
			K parentKey = key.apply(parent);
			if (parentKey != null) {
				keys.add(parentKey);
			}
		});
		if (keys.isEmpty()) {
			return Mono.just(Map.of());
		}
		return load.apply(List.copyOf(keys)).map(found -> {
			Map<P, R> byParent = new LinkedHashMap<>();
			parents.forEach(parent -> {
				K parentKey = key.apply(parent);
				V loaded = parentKey == null ? null : found.get(parentKey);
				if (loaded != null) {
					byParent.put(parent, value.apply(parent, loaded));
				}
			});
			return byParent;
		});
	}

	/** A to-many relation: every parent gets its list, empty when its key loads nothing. */
	public static <P, K, V> Mono<Map<P, List<V>>> toMany(List<P> parents, Function<P, K> key,
			Function<List<K>, Mono<Map<K, List<V>>>> load) {
		List<K> keys = parents.stream().map(key).distinct().toList();
		return load.apply(keys).map(found -> {
			Map<P, List<V>> byParent = new LinkedHashMap<>();
			parents.forEach(parent -> byParent.put(parent, found.getOrDefault(key.apply(parent), List.of())));
			return byParent;
		});
	}

}
