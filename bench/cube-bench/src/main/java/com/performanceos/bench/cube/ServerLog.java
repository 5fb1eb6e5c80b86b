package com.performanceos.bench.cube;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the server logs at DEBUG about its last cube query: the statement the platform's
 * CubeSqlRenderer sent, so the raw side replays exactly what the GraphQL side runs rather than a
 * hand-written look-alike, and the time LedgerCubeService saw the store take, so a GraphQL call's
 * time splits into the engine (seen from the server) and everything around it.
 */
final class ServerLog {

	static final String SQL_MARKER = "Cube SQL: ";

	private static final Pattern STORE_TIME = Pattern.compile("Cube store \\((\\w+)\\) answered (\\d+) rows in (\\d+) us");

	private final Path file;

	ServerLog(Path file) {
		this.file = file;
	}

	String lastSql() throws IOException {
		String line = lastLineWith(SQL_MARKER);
		return line.substring(line.indexOf(SQL_MARKER) + SQL_MARKER.length()).strip();
	}

	/** The store's time for the last cube query, in milliseconds. */
	double lastStoreMillis() throws IOException {
		Matcher matcher = STORE_TIME.matcher(lastLineWith("Cube store ("));
		if (!matcher.find()) {
			throw new IllegalStateException("Unreadable store timing in " + file);
		}
		return Long.parseLong(matcher.group(3)) / 1_000.0;
	}

	private String lastLineWith(String marker) throws IOException {
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		for (int index = lines.size() - 1; index >= 0; index--) {
			if (lines.get(index).contains(marker)) {
				return lines.get(index);
			}
		}
		throw new IllegalStateException("No '" + marker + "' line in " + file + ": start the server with "
				+ "--logging.level.com.performanceos.platform.analytics.CubeSqlRenderer=DEBUG "
				+ "--logging.level.com.performanceos.ledger.cube.LedgerCubeService=DEBUG");
	}

}
