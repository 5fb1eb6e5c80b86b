package com.performanceos.ledger.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.performanceos.ledger.imports.ImportProblem.Severity;

/**
 * The validation report of one import, bounded: it keeps the first problems (errors and warnings,
 * up to the configured maximum) and counts all of them. Filled by one job at a time.
 */
final class ImportReport {

	private final int problemsMax;

	private final List<ImportProblem> problems = new ArrayList<>();

	private long errorCount;

	private long warningCount;

	ImportReport(int problemsMax) {
		this.problemsMax = problemsMax;
	}

	void error(@Nullable Integer row, @Nullable String column, ImportProblemCode code, String message) {
		add(new ImportProblem(row, column, code, Severity.ERROR, message, null, null));
	}

	void warning(@Nullable Integer row, @Nullable String column, ImportProblemCode code, String message) {
		add(new ImportProblem(row, column, code, Severity.WARNING, message, null, null));
	}

	void add(ImportProblem problem) {
		if (problem.severity() == Severity.ERROR) {
			errorCount++;
		}
		else {
			warningCount++;
		}
		if (problems.size() < problemsMax) {
			problems.add(problem);
		}
	}

	long errorCount() {
		return errorCount;
	}

	boolean hasErrors() {
		return errorCount > 0;
	}

	/** The report as stored (JSON) and rendered by the schema's {@code ImportReport}. */
	Map<String, Object> image() {
		Map<String, Object> image = new LinkedHashMap<>();
		image.put("errorCount", errorCount);
		image.put("warningCount", warningCount);
		image.put("problemCount", errorCount + warningCount);
		image.put("truncated", errorCount + warningCount > problems.size());
		image.put("problems", problems.stream().map(ImportReport::image).toList());
		return image;
	}

	private static Map<String, Object> image(ImportProblem problem) {
		Map<String, Object> image = new LinkedHashMap<>();
		image.put("row", problem.row());
		image.put("column", problem.column());
		image.put("code", problem.code().name());
		image.put("severity", problem.severity().name());
		image.put("message", problem.message());
		image.put("expected", problem.expected());
		image.put("actual", problem.actual());
		return image;
	}

}
