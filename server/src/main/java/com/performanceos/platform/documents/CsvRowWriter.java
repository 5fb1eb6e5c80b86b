package com.performanceos.platform.documents;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * CSV as RFC 4180 describes it: a header row, CRLF after every row, and a field enclosed in double
 * quotes (with inner quotes doubled) whenever it holds a comma, a quote, CR or LF. An absent value
 * is an empty field. Values are written as given, never rewritten, so an export stays faithful
 * evidence of what is stored.
 */
public final class CsvRowWriter<T> implements RowWriter<T> {

	private static final String LINE_END = "\r\n";

	private final BufferedWriter out;

	private final Function<T, @Nullable String[]> fields;

	public CsvRowWriter(OutputStream out, String[] header, Function<T, @Nullable String[]> fields) {
		this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
		this.fields = fields;
		row(header);
	}

	@Override
	public void write(T row) {
		row(fields.apply(row));
	}

	@Override
	public void finish() {
		try {
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void row(@Nullable String[] values) {
		try {
			for (int i = 0; i < values.length; i++) {
				if (i > 0) {
					out.write(',');
				}
				out.write(escape(values[i]));
			}
			out.write(LINE_END);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String escape(@Nullable String field) {
		if (field == null) {
			return "";
		}
		boolean quote = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\r') >= 0 || field.indexOf('\n') >= 0;
		return quote ? '"' + field.replace("\"", "\"\"") + '"' : field;
	}

}
