package com.performanceos.scenarios.accuracy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The real series of {@code reference-data/forecasting/} (the repository's copy of the public data, its
 * SOURCE.md says where it comes from), looked for in each parent of the working directory so the tests
 * find it from the server module and from the repository root alike.
 */
public final class ForecastingData {

	public static final String RETAIL_SALES = "example_retail_sales.csv";

	public static final String PEYTON_MANNING = "example_wp_log_peyton_manning.csv";

	private ForecastingData() {
	}

	public static Path directory() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("reference-data/forecasting");
			if (Files.isDirectory(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException("reference-data/forecasting not found in any parent of " + Path.of("").toAbsolutePath());
	}

	/** The {@code y} column of a {@code ds,y} file, in file order. */
	public static double[] values(String file) {
		try {
			List<String> lines = Files.readAllLines(directory().resolve(file));
			return lines.stream().skip(1).filter(line -> !line.isBlank())
				.mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(',') + 1).replace("\"", "")))
				.toArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The last {@code ds} of the training rows when the final {@code horizon} rows are held out. */
	public static String trainEnd(String file, int horizon) {
		try {
			List<String> lines = Files.readAllLines(directory().resolve(file)).stream().filter(line -> !line.isBlank()).toList();
			String line = lines.get(lines.size() - horizon - 1);
			return line.substring(0, line.indexOf(',')).replace("\"", "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
