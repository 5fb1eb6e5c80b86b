package com.performanceos.scenarios.planning;

import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of stored driver overrides, frozen inputs and outputs. Map entries are written in key
 * order so that the same value always gives the same text: a version's digest is taken over it.
 */
@Component
public final class ScenarioJson {

	private final JsonMapper canonical;

	ScenarioJson(JsonMapper json) {
		this.canonical = json.rebuild().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
	}

	public String write(Object value) {
		return canonical.writeValueAsString(value);
	}

	public <T> T read(String text, Class<T> type) {
		return canonical.readValue(text, type);
	}

}
