package com.performanceos.bench.cube;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The statement the server's cube service last sent to its engine, read from the server's log
 * (the platform's CubeSqlRenderer logs each statement at DEBUG), so the raw side replays exactly
 * what the GraphQL side runs rather than a hand-written look-alike.
 */
final class CapturedSql {

	static final String MARKER = "Cube SQL: ";

	private CapturedSql() {
	}

	static String lastIn(Path serverLog) throws IOException {
		List<String> lines = Files.readAllLines(serverLog, StandardCharsets.UTF_8);
		for (int index = lines.size() - 1; index >= 0; index--) {
			int marker = lines.get(index).indexOf(MARKER);
			if (marker >= 0) {
				return lines.get(index).substring(marker + MARKER.length()).strip();
			}
		}
		throw new IllegalStateException("No '" + MARKER + "' line in " + serverLog
				+ ": start the server with --logging.level.com.performanceos.platform.analytics.CubeSqlRenderer=DEBUG");
	}

}
