package com.performanceos.bench.cube;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Alternates the raw statement and the GraphQL query for warm-up plus measured rounds, swapping
 * which goes first each round so neither always meets the warmer caches, and checks after each
 * call (outside the timed part) that both returned every cell and every line.
 */
final class CubeMeasurement {

	static final int ROUNDS_MAX = 1_000;

	static final String DOCUMENT = """
			query Cube($input: LedgerCubeInput!) {
			  ledgerCube(input: $input) { engine cached rows { period account { code } debit credit net lineCount } }
			}""";

	/** The benchmark's query: every month of the synthetic range by account, all four measures. */
	static final Map<String, Object> INPUT = Map.of("measures", List.of("DEBIT", "CREDIT", "NET", "LINE_COUNT"), "dimensions",
			List.of("ACCOUNT"), "grain", "MONTH", "effectiveFrom", SyntheticLines.FIRST_DAY.toString(), "effectiveTo",
			SyntheticLines.LAST_DAY.toString(),
			// 50 accounts × 36 months is 1,800 cells, above the cube's default limit of 1,000.
			"limit", 2_000);

	private final RawEngine raw;

	private final GraphQlClient graphQl;

	private final String engine;

	private final String sql;

	private final long expectedLines;

	/** Cells of the last answer: both sides must return the same number. */
	private int lastCells;

	CubeMeasurement(RawEngine raw, GraphQlClient graphQl, String engine, String sql, long expectedLines) {
		this.raw = raw;
		this.graphQl = graphQl;
		this.engine = engine;
		this.sql = sql;
		this.expectedLines = expectedLines;
	}

	void run(int warmups, int rounds) throws Exception {
		if (warmups < 0 || rounds < 1 || warmups + rounds > ROUNDS_MAX) {
			throw new IllegalArgumentException("0+ warm-ups and 1+ rounds, " + ROUNDS_MAX + " calls at most");
		}
		byte[] body = graphQl.body(DOCUMENT, Map.of("input", INPUT));
		Timings rawTimes = new Timings();
		Timings graphQlTimes = new Timings();
		Timings ratios = new Timings();
		int cells = -1;
		for (int round = -warmups; round < rounds; round++) {
			double rawMillis;
			double graphQlMillis;
			if (Math.floorMod(round, 2) == 0) {
				rawMillis = timeRaw();
				graphQlMillis = timeGraphQl(body);
			}
			else {
				graphQlMillis = timeGraphQl(body);
				rawMillis = timeRaw();
			}
			cells = lastCells;
			String label = round < 0 ? "warm-up" : "round " + (round + 1);
			System.out.printf("%s %s: raw %.1f ms, graphql %.1f ms, ratio %.3f%n", engine, label, rawMillis, graphQlMillis,
					graphQlMillis / rawMillis);
			if (round >= 0) {
				rawTimes.add(rawMillis);
				graphQlTimes.add(graphQlMillis);
				ratios.add(graphQlMillis / rawMillis);
			}
		}
		System.out.printf("RESULT engine=%s lines=%d cells=%d rounds=%d%n", engine, expectedLines, cells, rounds);
		System.out.printf("RESULT %s raw:     %s%n", engine, rawTimes.summary());
		System.out.printf("RESULT %s graphql: %s%n", engine, graphQlTimes.summary());
		System.out.printf("RESULT %s ratio graphql/raw of medians %.3f; median of per-round ratios %.3f (min %.3f, max %.3f)%n", engine,
				graphQlTimes.median() / rawTimes.median(), ratios.median(), ratios.min(), ratios.max());
	}

	private double timeRaw() throws Exception {
		long start = System.nanoTime();
		RawEngine.Answer answer = raw.run(sql);
		double millis = (System.nanoTime() - start) / 1e6;
		check("raw", answer.rows(), answer.lineCount());
		return millis;
	}

	private double timeGraphQl(byte[] body) throws Exception {
		long start = System.nanoTime();
		byte[] response = graphQl.send(body);
		double millis = (System.nanoTime() - start) / 1e6;
		JsonNode cube = graphQl.data(response).get("ledgerCube");
		if (!cube.get("engine").asString().equals(engine) || cube.get("cached").asBoolean()) {
			throw new IllegalStateException("Expected an uncached answer from " + engine + ", got engine " + cube.get("engine")
					+ " cached " + cube.get("cached") + ": start the server with PERFORMANCEOS_LEDGER_CUBE_CACHE_TTL=0");
		}
		long lines = 0;
		for (JsonNode row : cube.get("rows")) {
			lines += row.get("lineCount").asLong();
			if (row.get("account").isNull()) {
				throw new IllegalStateException("A cell's account did not resolve: " + row);
			}
		}
		check("graphql", cube.get("rows").size(), lines);
		return millis;
	}

	private void check(String side, int rows, long lines) {
		if (lines != expectedLines) {
			throw new IllegalStateException(side + " counted " + lines + " lines in " + rows + " cells, expected " + expectedLines);
		}
		if (lastCells > 0 && rows != lastCells) {
			throw new IllegalStateException(side + " returned " + rows + " cells, the other side " + lastCells);
		}
		lastCells = rows;
	}

}
