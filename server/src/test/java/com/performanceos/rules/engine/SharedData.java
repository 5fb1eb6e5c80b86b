package com.performanceos.rules.engine;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the public reference data the tests read: the repository's own copy in {@code reference-data/}
 * (each folder's SOURCE.md says where it comes from), so a clean clone holds everything its tests need.
 */
public final class SharedData {

	private SharedData() {
	}

	public static Path resolve(String relative) {
		Path directory = Path.of("").toAbsolutePath();
		for (int up = 0; up < 5 && directory != null; up++, directory = directory.getParent()) {
			Path candidate = directory.resolve("reference-data").resolve(relative);
			if (Files.exists(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException("reference-data/" + relative + " not found in the repository (looked up from "
				+ Path.of("").toAbsolutePath() + ")");
	}

}
