package com.performanceos.bench.cube;

/** Runs the cube's SQL straight against the engine and fetches every result row, as the server's store does. */
interface RawEngine extends AutoCloseable {

	/** Runs the statement, reads all rows, and reports what it read. */
	Answer run(String sql) throws Exception;

	/**
	 * What a cube statement returned, for checking after the clock stopped.
	 *
	 * @param rows the number of rows
	 * @param lineCount the sum of the last column (the LINE_COUNT measure)
	 */
	record Answer(int rows, long lineCount) {
	}

}
