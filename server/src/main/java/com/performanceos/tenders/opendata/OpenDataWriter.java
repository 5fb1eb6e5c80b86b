package com.performanceos.tenders.opendata;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.documents.RowWriter;
import com.performanceos.tenders.contracts.Contract;

/**
 * Writes an open-data document record by record, checking each record against the published schema before its
 * bytes are written: the first invalid record stops the export ({@link InvalidOpenDataException}), and the
 * temporary file is removed, so an invalid document never leaves the server. Each record is checked inside a
 * document of one record (the DECP {@code marches} wrapper, or the OCDS package with its metadata), so memory
 * stays that of one record whatever the export's size.
 */
final class OpenDataWriter implements RowWriter<Contract> {

	/** How one format builds, checks and frames its records. */
	interface Format {

		/** The record of a contract. */
		JsonNode record(Contract contract);

		/** The problems of a document holding this record alone, each "JSON pointer: message". */
		List<String> problems(JsonNode record);

		/** The pointer of the records' array in the document, e.g. {@code /marches/marche}. */
		String recordsPointer();

		/** What comes before the first record, up to and including the records array's opening bracket. */
		String head();

		/** What closes the document after the last record. */
		String tail();

	}

	private final OutputStream out;

	private final JsonMapper json;

	private final Format format;

	private long index;

	OpenDataWriter(OutputStream out, JsonMapper json, Format format) throws IOException {
		this.out = out;
		this.json = json;
		this.format = format;
		out.write(format.head().getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public void write(Contract contract) {
		JsonNode record = format.record(contract);
		List<String> problems = format.problems(record);
		if (!problems.isEmpty()) {
			String single = format.recordsPointer() + "/0";
			String actual = format.recordsPointer() + "/" + index;
			throw new InvalidOpenDataException(contract, problems.stream()
				.map(problem -> problem.startsWith(single) ? actual + problem.substring(single.length()) : problem)
				.toList());
		}
		try {
			if (index > 0) {
				out.write(',');
			}
			out.write(json.writeValueAsBytes(record));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		index++;
	}

	@Override
	public void finish() {
		try {
			out.write(format.tail().getBytes(StandardCharsets.UTF_8));
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
