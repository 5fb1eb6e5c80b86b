package com.performanceos.rules.engine;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds {@code shared/data} beside the clone: {@code ../../shared} from the server module in CI,
 * one level further up from a worktree. Nothing from it is copied into the repository.
 */
public final class SharedData {

	private SharedData() {
	}

	public static Path resolve(String relative) {
		Path directory = Path.of("").toAbsolutePath();
		for (int up = 0; up < 5 && directory != null; up++, directory = directory.getParent()) {
			Path candidate = directory.resolve("shared/data").resolve(relative);
			if (Files.exists(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException("shared/data/" + relative + " not found beside the clone (looked up from "
				+ Path.of("").toAbsolutePath() + ")");
	}

}
