package com.performanceos.rules.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.performanceos.rules.engine.JsonValues;

/**
 * A test case stored with a version: an input and the output the version must give for it. Publishing is refused
 * while one fails.
 *
 * @param name how the example is named in a refusal
 * @param input the input, as engine values
 * @param expectedOutput the output expected, as engine values (compared by canonical JSON text)
 */
record RuleExample(String name, @Nullable Object input, @Nullable Object expectedOutput) {

	Map<String, @Nullable Object> toValue() {
		Map<String, @Nullable Object> value = new LinkedHashMap<>();
		value.put("name", name);
		value.put("input", input);
		value.put("expectedOutput", expectedOutput);
		return value;
	}

	/** The examples' canonical JSON text, as stored. */
	static String write(List<RuleExample> examples) {
		return JsonValues.write(examples.stream().map(RuleExample::toValue).toList());
	}

	/** Reads what {@link #write} stored. */
	@SuppressWarnings("unchecked")
	static List<RuleExample> read(String stored) {
		Object parsed = JsonValues.parse(stored);
		return ((List<Map<String, @Nullable Object>>) java.util.Objects.requireNonNull(parsed)).stream()
			.map(value -> new RuleExample((String) java.util.Objects.requireNonNull(value.get("name")), value.get("input"),
					value.get("expectedOutput")))
			.toList();
	}

}
