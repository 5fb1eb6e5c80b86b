package com.performanceos.bench.cube;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * Loads synthetic lines into the server's ClickHouse {@code journal_lines} table as TabSeparated
 * over HTTP, one INSERT per million lines streamed as it is generated, then merges every partition
 * so each read meets the steady state a production table reaches after its background merges.
 */
final class ClickHouseLoader {

	static final int LINES_PER_INSERT = 1_000_000;

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final ClickHouseHttp clickHouse;

	ClickHouseLoader(ClickHouseHttp clickHouse) {
		this.clickHouse = clickHouse;
	}

	void load(String tenant, SyntheticLines lines) throws IOException, InterruptedException {
		List<String> columns = Arrays.stream(clickHouse.execute("SELECT name FROM system.columns WHERE database = currentDatabase() AND table = '"
				+ FactColumns.TABLE + "' FORMAT TabSeparated").split("\n")).filter(name -> !name.isEmpty()).toList();
		FactColumns.requireSame(columns, "ClickHouse");
		String insert = "INSERT INTO " + FactColumns.TABLE + " (" + String.join(", ", FactColumns.NAMES) + ") FORMAT TabSeparated";
		long loaded = 0;
		while (lines.hasNext()) {
			long start = System.nanoTime();
			long chunk = Math.min(LINES_PER_INSERT, lines.lineCount() - loaded);
			clickHouse.insert(insert, () -> new TsvStream(tenant, lines, chunk));
			loaded += chunk;
			System.out.printf("clickhouse: %,d / %,d lines (%d ms for this insert)%n", loaded, lines.lineCount(), (System.nanoTime() - start) / 1_000_000);
		}
		for (String partition : clickHouse.execute("SELECT DISTINCT partition FROM system.parts WHERE active AND table = '" + FactColumns.TABLE
				+ "' ORDER BY partition FORMAT TabSeparated").split("\n")) {
			if (!partition.isEmpty()) {
				clickHouse.execute("OPTIMIZE TABLE " + FactColumns.TABLE + " PARTITION " + partition + " FINAL");
			}
		}
		System.out.println("clickhouse: parts after OPTIMIZE FINAL: " + clickHouse.execute(
				"SELECT count() FROM system.parts WHERE active AND table = '" + FactColumns.TABLE + "' FORMAT TabSeparated").strip());
	}

	/** A chunk of lines as TabSeparated bytes, produced row by row while the HTTP client reads. */
	private static final class TsvStream extends InputStream {

		private final String tenant;

		private final SyntheticLines lines;

		private long remaining;

		private byte[] row = new byte[0];

		private int position;

		TsvStream(String tenant, SyntheticLines lines, long count) {
			this.tenant = tenant;
			this.lines = lines;
			this.remaining = count;
		}

		@Override
		public int read() {
			if (!fill()) {
				return -1;
			}
			return row[position++] & 0xFF;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (length == 0) {
				return 0;
			}
			int copied = 0;
			while (copied < length && fill()) {
				int count = Math.min(length - copied, row.length - position);
				System.arraycopy(row, position, buffer, offset + copied, count);
				position += count;
				copied += count;
			}
			return copied == 0 ? -1 : copied;
		}

		private boolean fill() {
			if (position < row.length) {
				return true;
			}
			if (remaining == 0) {
				return false;
			}
			remaining--;
			row = tsv(lines.next()).getBytes(StandardCharsets.UTF_8);
			position = 0;
			return true;
		}

		/** Values need no escaping: UUIDs, codes, numbers, dates and an empty batch key hold no tab, newline or backslash. */
		private String tsv(SyntheticLines.Line line) {
			return line.eventId() + "\t" + tenant + "\t" + FactColumns.EVENT_TYPE + "\t" + TIMESTAMP.format(line.occurredAt()) + "\t"
					+ line.entryKey() + "\t" + line.lineNumber() + "\t" + line.account().key() + "\t" + (line.debit() ? "DEBIT" : "CREDIT")
					+ "\t" + line.debitAmount().toPlainString() + "\t" + line.creditAmount().toPlainString() + "\t"
					+ line.netAmount().toPlainString() + "\t" + line.account().currency() + "\t" + line.effectiveDate() + "\t" + "\n";
		}

	}

}
