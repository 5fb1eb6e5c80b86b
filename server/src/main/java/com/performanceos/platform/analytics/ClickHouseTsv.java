package com.performanceos.platform.analytics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * ClickHouse's TabSeparated format, written and read here because 18.16 lacks the binary formats client-v2's typed
 * readers need. Escaping follows the server: backslash sequences for backslash, tab, newline, carriage return and
 * NUL, {@code \N} for NULL.
 */
final class ClickHouseTsv {

	private ClickHouseTsv() {
	}

	static void appendRow(StringBuilder out, List<@Nullable Object> values) {
		for (int index = 0; index < values.size(); index++) {
			if (index > 0) {
				out.append('\t');
			}
			out.append(field(values.get(index)));
		}
		out.append('\n');
	}

	static String field(@Nullable Object value) {
		return switch (value) {
			case null -> "\\N";
			case String text -> escape(text);
			case BigDecimal decimal -> decimal.toPlainString();
			case Instant instant -> Values.TIMESTAMP.format(instant);
			case Long number -> number.toString();
			case LocalDate date -> date.toString();
			case UUID uuid -> uuid.toString();
			default -> throw new IllegalArgumentException("No TSV form for " + value.getClass().getSimpleName());
		};
	}

	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 8);
		for (int index = 0; index < text.length(); index++) {
			char character = text.charAt(index);
			switch (character) {
				case '\\' -> escaped.append("\\\\");
				case '\t' -> escaped.append("\\t");
				case '\n' -> escaped.append("\\n");
				case '\r' -> escaped.append("\\r");
				case '\0' -> escaped.append("\\0");
				default -> escaped.append(character);
			}
		}
		return escaped.toString();
	}

	/** The rows of a TabSeparated body, each field still escaped; fails beyond {@code rowsMax} rows. */
	static List<List<String>> readRows(InputStream body, int rowsMax) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
		for (String line = reader.readLine(); line != null; line = reader.readLine()) {
			if (rows.size() == rowsMax) {
				throw new IllegalStateException("ClickHouse returned more than " + rowsMax + " rows");
			}
			rows.add(List.of(line.split("\t", -1)));
		}
		return rows;
	}

	static List<@Nullable Object> parseRow(List<String> fields, List<ColumnType> types) {
		if (fields.size() != types.size()) {
			throw new IllegalStateException("ClickHouse returned " + fields.size() + " fields, expected " + types.size());
		}
		List<@Nullable Object> row = new ArrayList<>(fields.size());
		for (int index = 0; index < fields.size(); index++) {
			row.add(parse(fields.get(index), types.get(index)));
		}
		return row;
	}

	static @Nullable Object parse(String field, ColumnType type) {
		if (field.equals("\\N")) {
			return null;
		}
		return switch (type) {
			case STRING -> unescape(field);
			case LONG -> Long.parseLong(field);
			case DECIMAL -> new BigDecimal(field).setScale(ColumnType.DECIMAL_SCALE);
			case DATE -> LocalDate.parse(field);
			case TIMESTAMP -> LocalDateTime.parse(field.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
		};
	}

	static String unescape(String field) {
		StringBuilder text = new StringBuilder(field.length());
		for (int index = 0; index < field.length(); index++) {
			char character = field.charAt(index);
			if (character != '\\' || index + 1 == field.length()) {
				text.append(character);
				continue;
			}
			char escaped = field.charAt(++index);
			text.append(switch (escaped) {
				case 't' -> '\t';
				case 'n' -> '\n';
				case 'r' -> '\r';
				case '0' -> '\0';
				case 'b' -> '\b';
				case 'f' -> '\f';
				default -> escaped;
			});
		}
		return text.toString();
	}

}
