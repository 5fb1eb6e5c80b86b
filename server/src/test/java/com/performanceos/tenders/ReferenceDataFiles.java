package com.performanceos.tenders;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's {@code reference-data/} folder, found from the working directory of the tests. */
public final class ReferenceDataFiles {

	private ReferenceDataFiles() {
	}

	public static Path root() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("reference-data");
			if (Files.isDirectory(candidate.resolve("decp"))) {
				return candidate;
			}
		}
		throw new IllegalStateException("reference-data not found in any parent of " + Path.of("").toAbsolutePath());
	}

}
