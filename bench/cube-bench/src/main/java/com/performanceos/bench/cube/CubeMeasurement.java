package com.performanceos.bench.cube;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Alternates a cube's raw statement and its GraphQL query for warm-up plus measured rounds,
 * swapping which goes first each round so neither always meets the warmer caches, and checks after
 * each call (outside the timed part) that both sides returned the same cells and lines.
 */
final class CubeMeasurement {

	static final int ROUNDS_MAX = 1_000;

	static final String DOCUMENT = """
			query Cube($input: LedgerCubeInput!) {
			  ledgerCube(input: $input) { engine cached rows { period account { code } debit credit net lineCount } }
			}""";

	/** The benchmark's query: every month of the synthetic range by account, all four measures. */
	static final Map<String, Object> BY_ACCOUNT_AND_MONTH = Map.of("measures", List.of("DEBIT", "CREDIT", "NET", "LINE_COUNT"),
			"dimensions", List.of("ACCOUNT"), "grain", "MONTH", "effectiveFrom", SyntheticLines.FIRST_DAY.toString(), "effectiveTo",
			SyntheticLines.LAST_DAY.toString(),
			// 50 accounts × 36 months is 1,800 cells, above the cube's default limit of 1,000.
			"limit", 2_000);

	/**
	 * One cell (a month's totals, no dimension): what a GraphQL call costs beyond the engine when
	 * there are no rows to map, resolve and serialise.
	 */
	static final Map<String, Object> ONE_CELL = Map.of("measures", List.of("DEBIT", "CREDIT", "NET", "LINE_COUNT"), "dimensions",
			List.of(), "effectiveFrom", SyntheticLines.FIRST_DAY.toString(), "effectiveTo",
			SyntheticLines.FIRST_DAY.plusMonths(1).minusDays(1).toString());

	private final RawEngine raw;

	private final GraphQlClient graphQl;

	private final String engine;

	private final ServerLog serverLog;

	private final String tenant;

	private final @Nullable WarmUp warmUp;

	/** Whether the JIT warm-up already ran: once per measurement, before the first query's rounds. */
	private boolean warmedUp;

	/**
	 * A small tenant holding the same cells, on which both sides run {@code calls} times before the
	 * measured rounds, so the server's and this JVM's code paths are compiled before they are timed.
	 */
	record WarmUp(GraphQlClient graphQl, String tenant, int calls) {

		WarmUp {
			if (calls < 0 || calls > 10_000) {
				throw new IllegalArgumentException("0 to 10,000 warm-up calls, not " + calls);
			}
		}

	}

	CubeMeasurement(RawEngine raw, GraphQlClient graphQl, String engine, Path serverLog, String tenant, @Nullable WarmUp warmUp) {
		this.raw = raw;
		this.graphQl = graphQl;
		this.engine = engine;
		this.serverLog = new ServerLog(serverLog);
		this.tenant = tenant;
		this.warmUp = warmUp;
	}

	/**
	 * Measures one cube query; {@code expectedLines}, when given, is the line count both sides must
	 * report (the whole load for the benchmark's query).
	 */
	void run(String label, Map<String, Object> input, @Nullable Long expectedLines, int warmups, int rounds) throws Exception {
		if (warmups < 0 || rounds < 1 || warmups + rounds > ROUNDS_MAX) {
			throw new IllegalArgumentException("0+ warm-ups and 1+ rounds, " + ROUNDS_MAX + " calls at most");
		}
		byte[] body = graphQl.body(DOCUMENT, Map.of("input", input));
		boolean byAccount = ((List<?>) input.get("dimensions")).contains("ACCOUNT");
		// One GraphQL call makes the server log its statement; the raw side then replays that statement.
		Answer probe = graphQlAnswer(graphQl.send(body), byAccount);
		String sql = serverLog.lastSql();
		System.out.println("captured SQL (" + engine + ", " + label + "): " + sql);
		if (expectedLines != null && probe.lines() != expectedLines) {
			throw new IllegalStateException("GraphQL counted " + probe.lines() + " lines, expected " + expectedLines);
		}
		if (warmUp != null && !warmedUp) {
			warm(sql, input, byAccount);
			warmedUp = true;
		}
		Timings rawTimes = new Timings();
		Timings graphQlTimes = new Timings();
		Timings ratios = new Timings();
		Timings measuredStoreTimes = new Timings();
		for (int round = -warmups; round < rounds; round++) {
			boolean rawFirst = Math.floorMod(round, 2) == 0;
			double first = rawFirst ? timeRaw(sql, probe) : timeGraphQl(body, probe, byAccount);
			double second = rawFirst ? timeGraphQl(body, probe, byAccount) : timeRaw(sql, probe);
			double rawMillis = rawFirst ? first : second;
			double graphQlMillis = rawFirst ? second : first;
			double storeMillis = serverLog.lastStoreMillis();
			System.out.printf("%s %s %s: raw %.1f ms, graphql %.1f ms (store in server %.1f ms), ratio %.3f%n", engine, label,
					round < 0 ? "warm-up" : "round " + (round + 1), rawMillis, graphQlMillis, storeMillis, graphQlMillis / rawMillis);
			if (round >= 0) {
				measuredStoreTimes.add(storeMillis);
				rawTimes.add(rawMillis);
				graphQlTimes.add(graphQlMillis);
				ratios.add(graphQlMillis / rawMillis);
			}
		}
		System.out.printf("RESULT %s %s: %d cells, %d lines, %d rounds after %d warm-ups%n", engine, label, probe.cells(), probe.lines(),
				rounds, warmups);
		System.out.printf("RESULT %s %s raw:     %s%n", engine, label, rawTimes.summary());
		System.out.printf("RESULT %s %s graphql: %s%n", engine, label, graphQlTimes.summary());
		System.out.printf("RESULT %s %s store inside the GraphQL calls (server log): %s%n", engine, label, measuredStoreTimes.summary());
		System.out.printf("RESULT %s %s ratio graphql/raw of medians %.3f; per-round ratios median %.3f (min %.3f, max %.3f);"
				+ " median difference %.1f ms%n", engine, label, graphQlTimes.median() / rawTimes.median(), ratios.median(), ratios.min(),
				ratios.max(), graphQlTimes.median() - rawTimes.median());
	}

	private void warm(String sql, Map<String, Object> input, boolean byAccount) throws Exception {
		String literal = "tenant_id = '" + tenant + "'";
		if (sql.indexOf(literal) < 0 || sql.indexOf(literal) != sql.lastIndexOf(literal)) {
			throw new IllegalStateException("Expected one " + literal + " in " + sql);
		}
		String warmSql = sql.replace(literal, "tenant_id = '" + warmUp.tenant() + "'");
		byte[] body = warmUp.graphQl().body(DOCUMENT, Map.of("input", input));
		long start = System.nanoTime();
		for (int call = 0; call < warmUp.calls(); call++) {
			raw.run(warmSql);
			graphQlAnswer(warmUp.graphQl().send(body), byAccount);
		}
		System.out.printf("%s warm-up: %d calls of each side on tenant %s in %.1f s%n", engine, warmUp.calls(), warmUp.tenant(),
				(System.nanoTime() - start) / 1e9);
	}

	/** Cells and the sum of their line counts, as one side answered. */
	private record Answer(int cells, long lines) {
	}

	private double timeRaw(String sql, Answer expected) throws Exception {
		long start = System.nanoTime();
		RawEngine.Answer answer = raw.run(sql);
		double millis = (System.nanoTime() - start) / 1e6;
		check("raw", new Answer(answer.rows(), answer.lineCount()), expected);
		return millis;
	}

	private double timeGraphQl(byte[] body, Answer expected, boolean byAccount) throws Exception {
		long start = System.nanoTime();
		byte[] response = graphQl.send(body);
		double millis = (System.nanoTime() - start) / 1e6;
		check("graphql", graphQlAnswer(response, byAccount), expected);
		return millis;
	}

	private Answer graphQlAnswer(byte[] response, boolean byAccount) {
		JsonNode cube = graphQl.data(response).get("ledgerCube");
		if (!cube.get("engine").asString().equals(engine) || cube.get("cached").asBoolean()) {
			throw new IllegalStateException("Expected an uncached answer from " + engine + ", got engine " + cube.get("engine")
					+ " cached " + cube.get("cached") + ": start the server with PERFORMANCEOS_LEDGER_CUBE_CACHE_TTL=0");
		}
		long lines = 0;
		for (JsonNode row : cube.get("rows")) {
			lines += row.get("lineCount").asLong();
			if (byAccount && row.get("account").isNull()) {
				throw new IllegalStateException("A cell's account did not resolve: " + row);
			}
		}
		return new Answer(cube.get("rows").size(), lines);
	}

	private static void check(String side, Answer actual, Answer expected) {
		if (!actual.equals(expected)) {
			throw new IllegalStateException(side + " answered " + actual + ", the first GraphQL answer was " + expected);
		}
	}

}
