package com.performanceos.platform.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * CSV as RFC 4180 describes it: a header row, CRLF after every row, and a field enclosed in double
 * quotes (with inner quotes doubled) whenever it holds a comma, a quote, CR or LF. An absent value
 * is an empty field. Values are written as stored, never rewritten, so the export stays faithful
 * evidence of the log.
 */
final class CsvAuditExportWriter implements AuditExportWriter {

	private static final String LINE_END = "\r\n";

	private final BufferedWriter out;

	CsvAuditExportWriter(OutputStream out) {
		this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
		row(COLUMNS);
	}

	@Override
	public void write(AuditRecord record) {
		row(Long.toString(record.sequence()), record.id(), record.occurredAt().toString(), record.actor(), record.action(),
				record.targetType(), record.targetId(), record.sourceAddress(), record.beforeJson(), record.afterJson(),
				record.previousHash(), record.hash());
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

	private void row(@Nullable String... fields) {
		try {
			for (int i = 0; i < fields.length; i++) {
				if (i > 0) {
					out.write(',');
				}
				out.write(escape(fields[i]));
			}
			out.write(LINE_END);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String escape(@Nullable String field) {
		if (field == null) {
			return "";
		}
		boolean quote = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\r') >= 0
				|| field.indexOf('\n') >= 0;
		return quote ? '"' + field.replace("\"", "\"\"") + '"' : field;
	}

}
