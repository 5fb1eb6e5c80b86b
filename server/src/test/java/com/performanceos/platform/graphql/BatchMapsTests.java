package com.performanceos.platform.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

class BatchMapsTests {

	private record Parent(String name, @Nullable Integer key) {
	}

	@Test
	void toOneLoadsEachDistinctKeyOnceAndLeavesOutParentsWithoutAValue() {
		Parent first = new Parent("first", 1);
		Parent second = new Parent("second", 2);
		Parent again = new Parent("again", 1);
		Parent none = new Parent("none", null);
		List<List<Integer>> loads = new ArrayList<>();
		Map<Parent, String> found = BatchMaps.toOne(List.of(first, second, again, none), Parent::key, keys -> {
			loads.add(keys);
			return Mono.just(Map.of(1, "one"));
		}).block();
		assertThat(loads).containsExactly(List.of(1, 2));
		assertThat(found).containsExactly(Map.entry(first, "one"), Map.entry(again, "one"));
	}

	@Test
	void toOneRunsNoLoadWhenNoParentHasAKey() {
		List<List<Integer>> loads = new ArrayList<>();
		Map<Parent, String> found = BatchMaps.toOne(List.of(new Parent("none", null)), Parent::key, keys -> {
			loads.add(keys);
			return Mono.just(Map.<Integer, String>of());
		}).block();
		assertThat(loads).isEmpty();
		assertThat(found).isEmpty();
	}

	@Test
	void toOneCanShapeTheValueForItsParent() {
		Parent first = new Parent("first", 1);
		Map<Parent, String> found = BatchMaps.toOne(List.of(first), Parent::key, keys -> Mono.just(Map.of(1, "one")),
				(parent, value) -> parent.name() + ":" + value).block();
		assertThat(found).containsExactly(Map.entry(first, "first:one"));
	}

	@Test
	void toManyGivesEveryParentItsListEmptyWhenNothingLoaded() {
		Parent first = new Parent("first", 1);
		Parent second = new Parent("second", 2);
		Map<Parent, List<String>> found = BatchMaps.toMany(List.of(first, second), Parent::key,
				keys -> Mono.just(Map.of(1, List.of("a", "b")))).block();
		assertThat(found).containsExactly(Map.entry(first, List.of("a", "b")), Map.entry(second, List.of()));
	}

}
