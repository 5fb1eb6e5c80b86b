package com.performanceos.bench.cube;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Command line of the cube benchmark (driven by bench/run-cube-bench.sh):
 *
 * <pre>
 * accounts        --graphql URL --token JWT --out FILE
 * load-clickhouse --clickhouse URL --tenant T --accounts FILE --lines N
 * load-duckdb     --duckdb FILE --tenant T --accounts FILE --lines N
 * measure         --engine clickhouse|duckdb --clickhouse URL | --duckdb COPY --server-log FILE --graphql URL --token JWT
 *                 --tenant T --lines N [--warmups 5] [--rounds 20] [--warm-token JWT --warm-tenant W [--warm-calls 200]]
 * </pre>
 */
public final class CubeBench {

	private CubeBench() {
	}

	public static void main(String[] arguments) throws Exception {
		if (arguments.length == 0) {
			throw new IllegalArgumentException("usage: accounts | load-clickhouse | load-duckdb | measure, then --name value options");
		}
		Map<String, String> options = options(List.of(arguments).subList(1, arguments.length));
		switch (arguments[0]) {
			case "accounts" -> BenchAccounts.write(BenchAccounts.create(new GraphQlClient(required(options, "graphql"), required(options, "token"))),
					Path.of(required(options, "out")));
			case "load-clickhouse" -> new ClickHouseLoader(new ClickHouseHttp(required(options, "clickhouse"))).load(tenant(options, "tenant"), lines(options));
			case "load-duckdb" -> new DuckDbLoader(Path.of(required(options, "duckdb"))).load(tenant(options, "tenant"), lines(options));
			case "measure" -> measure(options);
			default -> throw new IllegalArgumentException("Unknown command " + arguments[0]);
		}
	}

	private static void measure(Map<String, String> options) throws Exception {
		String engine = required(options, "engine");
		GraphQlClient graphQl = new GraphQlClient(required(options, "graphql"), required(options, "token"));
		int warmups = Integer.parseInt(options.getOrDefault("warmups", "5"));
		int rounds = Integer.parseInt(options.getOrDefault("rounds", "20"));
		try (RawEngine raw = switch (engine) {
			case "clickhouse" -> new ClickHouseRaw(new ClickHouseHttp(required(options, "clickhouse")));
			case "duckdb" -> new DuckDbRaw(Path.of(required(options, "duckdb")));
			default -> throw new IllegalArgumentException("--engine is clickhouse or duckdb, not " + engine);
		}) {
			CubeMeasurement.WarmUp warmUp = options.containsKey("warm-token") ? new CubeMeasurement.WarmUp(new GraphQlClient(
					required(options, "graphql"), required(options, "warm-token")), tenant(options, "warm-tenant"),
					Integer.parseInt(options.getOrDefault("warm-calls", "200"))) : null;
			CubeMeasurement measurement = new CubeMeasurement(raw, graphQl, engine, Path.of(required(options, "server-log")),
					tenant(options, "tenant"), warmUp);
			measurement.run("account×month", CubeMeasurement.BY_ACCOUNT_AND_MONTH, Long.parseLong(required(options, "lines")), warmups,
					rounds);
			measurement.run("one-cell", CubeMeasurement.ONE_CELL, null, warmups, rounds);
		}
	}

	private static SyntheticLines lines(Map<String, String> options) throws java.io.IOException {
		return new SyntheticLines(BenchAccounts.read(Path.of(required(options, "accounts"))), Long.parseLong(required(options, "lines")));
	}

	/** The tenant goes into TSV rows and SQL literals unescaped, so it is held to the server's own tenant-name rule. */
	private static String tenant(Map<String, String> options, String option) {
		String tenant = required(options, option);
		if (!tenant.matches("[A-Za-z0-9_-]{1,64}")) {
			throw new IllegalArgumentException("A tenant is 1-64 letters, digits, _ or -: " + tenant);
		}
		return tenant;
	}

	private static Map<String, String> options(List<String> arguments) {
		if (arguments.size() % 2 != 0) {
			throw new IllegalArgumentException("Options come in --name value pairs: " + arguments);
		}
		Map<String, String> options = new HashMap<>();
		for (int index = 0; index < arguments.size(); index += 2) {
			String name = arguments.get(index);
			if (!name.startsWith("--")) {
				throw new IllegalArgumentException("Not an option name: " + name);
			}
			options.put(name.substring(2), arguments.get(index + 1));
		}
		return options;
	}

	private static String required(Map<String, String> options, String name) {
		String value = options.get(name);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("--" + name + " is required");
		}
		return value;
	}

}
