package com.performanceos.platform.documents;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * CSV as RFC 4180 describes it: a header row, CRLF after every row, and a field enclosed in double
 * quotes (with inner quotes doubled) whenever it holds a comma, a quote, CR or LF. An absent value
 * is an empty field.
 *
 * <p>
 * A cell a spreadsheet would run as a formula (one starting with {@code =}, {@code +}, {@code -},
 * {@code @}, tab or carriage return) is neutralised by OWASP's rule: prefixed with a single quote, so
 * {@code =HYPERLINK(...)} arrives as the text {@code '=HYPERLINK(...)}. Plain numbers such as
 * {@code -120.50} are left alone: a spreadsheet reads them as numbers, not formulas. Otherwise values are
 * written as given; the JSON export carries every value raw, and the file's digest is computed over the
 * bytes sent.
 */
public final class CsvRowWriter<T> implements RowWriter<T> {

	private static final String LINE_END = "\r\n";

	/** A number a spreadsheet reads as such: optional sign, digits, optional fraction. */
	private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

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

	public static String escape(@Nullable String value) {
		if (value == null) {
			return "";
		}
		String field = neutralise(value);
		boolean quote = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\r') >= 0 || field.indexOf('\n') >= 0;
		return quote ? '"' + field.replace("\"", "\"\"") + '"' : field;
	}

	/** The value with a leading single quote when a spreadsheet would otherwise run it as a formula. */
	static String neutralise(String value) {
		if (value.isEmpty()) {
			return value;
		}
		char first = value.charAt(0);
		boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
		return formula && !PLAIN_NUMBER.matcher(value).matches() ? "'" + value : value;
	}

}
