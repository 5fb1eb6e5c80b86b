package com.performanceos.ledger.imports;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Reads RFC 4180 records (quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF)
 * one at a time from a reader, so memory holds one record whatever the file's size. A record
 * longer than {@link #RECORD_LENGTH_MAX} characters is refused: an unclosed quote would otherwise
 * swallow the rest of the file.
 */
final class CsvReader {

	static final int RECORD_LENGTH_MAX = 64 * 1024;

	static final int FIELDS_MAX = 500;

	private final Reader reader;

	private final char delimiter;

	private int lookahead = -2;

	CsvReader(Reader reader, char delimiter) {
		this.reader = reader;
		this.delimiter = delimiter;
	}

	/** The file could not be split into records at this point. */
	static final class MalformedException extends IOException {

		MalformedException(String message) {
			super(message);
		}

	}

	/** The next record's fields, or null at the end of the input. Blank lines are skipped. */
	@Nullable List<String> next() throws IOException {
		while (true) {
			int first = read();
			if (first == -1) {
				return null;
			}
			if (first == '\n' || first == '\r') {
				continue;
			}
			unread(first);
			return record();
		}
	}

	private List<String> record() throws IOException {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean wasQuoted = false;
		int length = 0;
		while (true) {
			int next = read();
			if (++length > RECORD_LENGTH_MAX) {
				throw new MalformedException("A record is longer than " + RECORD_LENGTH_MAX + " characters (unclosed quote?)");
			}
			if (quoted) {
				if (next == -1) {
					throw new MalformedException("A quoted field is not closed before the end of the file");
				}
				if (next == '"') {
					int after = read();
					if (after == '"') {
						field.append('"');
					}
					else {
						quoted = false;
						unread(after);
					}
				}
				else {
					field.append((char) next);
				}
				continue;
			}
			if (next == '"' && field.isEmpty() && !wasQuoted) {
				quoted = true;
				wasQuoted = true;
			}
			else if (next == delimiter) {
				addField(fields, field, wasQuoted);
				wasQuoted = false;
			}
			else if (next == '\n' || next == '\r' || next == -1) {
				if (next == '\r') {
					int after = read();
					if (after != '\n') {
						unread(after);
					}
				}
				addField(fields, field, wasQuoted);
				return fields;
			}
			else if (wasQuoted) {
				throw new MalformedException("Characters after a closing quote");
			}
			else {
				field.append((char) next);
			}
		}
	}

	private void addField(List<String> fields, StringBuilder field, boolean wasQuoted) throws MalformedException {
		if (fields.size() == FIELDS_MAX) {
			throw new MalformedException("A record has more than " + FIELDS_MAX + " fields");
		}
		fields.add(wasQuoted ? field.toString() : field.toString().strip());
		field.setLength(0);
	}

	private int read() throws IOException {
		if (lookahead != -2) {
			int value = lookahead;
			lookahead = -2;
			return value;
		}
		return reader.read();
	}

	private void unread(int value) {
		lookahead = value;
	}

}
