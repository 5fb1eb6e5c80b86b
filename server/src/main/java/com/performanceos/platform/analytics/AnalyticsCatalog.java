package com.performanceos.platform.analytics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The cubes and fact tables a store serves: the built-in events cube plus those the application defines. */
final class AnalyticsCatalog {

	/** Bounds start-up DDL and the fan-out of each append. */
	static final int MAX_FACT_TABLES = 50;

	private final Map<String, CubeDefinition> cubes = new LinkedHashMap<>();

	private final Map<String, FactTable> factTables = new LinkedHashMap<>();

	AnalyticsCatalog(List<CubeDefinition> definitions) {
		for (CubeDefinition cube : CubeDefinition.withBuiltIns(definitions)) {
			if (this.cubes.putIfAbsent(cube.name(), cube) != null && !this.cubes.get(cube.name()).equals(cube)) {
				throw new IllegalArgumentException("Two different cubes are called '" + cube.name() + "'");
			}
			FactTable known = this.factTables.putIfAbsent(cube.table().name(), cube.table());
			if (known != null && !known.equals(cube.table())) {
				throw new IllegalArgumentException("Two different fact tables are called '" + known.name() + "'");
			}
		}
		if (this.factTables.size() > MAX_FACT_TABLES) {
			throw new IllegalArgumentException("At most " + MAX_FACT_TABLES + " fact tables, got " + this.factTables.size());
		}
	}

	CubeDefinition cube(String name) {
		CubeDefinition cube = this.cubes.get(name);
		if (cube == null) {
			throw new IllegalArgumentException("Unknown cube '" + name + "'; defined: " + this.cubes.keySet());
		}
		return cube;
	}

	FactTable factTable(String name) {
		FactTable table = this.factTables.get(name);
		if (table == null) {
			throw new IllegalArgumentException("Unknown fact table '" + name + "'; defined: " + this.factTables.keySet());
		}
		return table;
	}

	Iterable<FactTable> factTables() {
		return this.factTables.values();
	}

}
