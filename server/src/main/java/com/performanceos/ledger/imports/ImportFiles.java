package com.performanceos.ledger.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.digest.Sha256;
import reactor.core.scheduler.Schedulers;

/**
 * Uploaded files on local disk: written as they stream in (hashed on the way, refused past the
 * size limit), then read back as chunks of rows, so neither an upload nor a parse ever holds the
 * whole file in memory.
 */
@Component
class ImportFiles {

	private final ImportsProperties properties;

	ImportFiles(ImportsProperties properties) {
		this.properties = properties;
	}

	/** A file that exceeded the size limit while streaming in; what was written is deleted. */
	static final class TooLargeException extends RuntimeException {

		TooLargeException() {
			super("The file exceeds the size limit", null, false, false);
		}

	}

	/** A stored upload. */
	record Received(Path path, String sha256, long sizeBytes) {
	}

	Mono<Received> receive(UUID importKey, Flux<DataBuffer> body) {
		long maxBytes = properties.maxFileSize().toBytes();
		// One file per upload attempt, so a concurrent second upload can never overwrite a file a job reads.
		Path path = properties.uploads().resolve(importKey + "-" + UUID.randomUUID() + ".csv");
		MessageDigest digest = Sha256.newDigest();
		AtomicLong size = new AtomicLong();
		Flux<DataBuffer> hashed = body.map(buffer -> {
			if (size.addAndGet(buffer.readableByteCount()) > maxBytes) {
				DataBufferUtils.release(buffer);
				throw new TooLargeException();
			}
			try (var iterator = buffer.readableByteBuffers()) {
				while (iterator.hasNext()) {
					digest.update(iterator.next());
				}
			}
			return buffer;
		});
		return Mono.fromCallable(() -> Files.createDirectories(properties.uploads()))
			.subscribeOn(Schedulers.boundedElastic())
			.then(DataBufferUtils.write(hashed, path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
					StandardOpenOption.WRITE))
			.then(Mono.fromCallable(() -> new Received(path, HexFormat.of().formatHex(digest.digest()), size.get())))
			.onErrorResume(ex -> delete(path).then(Mono.error(ex)));
	}

	Mono<Void> delete(Path path) {
		return Mono.fromCallable(() -> Files.deleteIfExists(path)).subscribeOn(Schedulers.boundedElastic()).then();
	}

	/**
	 * The file's data rows in chunks, in order. Structural problems (missing mapped columns, rows of
	 * the wrong width, broken quoting, too many rows) go to {@code report}; a broken file ends the
	 * stream early.
	 */
	Flux<List<SourceRow>> rows(Path path, ImportContext context, ImportReport report) {
		return Flux.<List<SourceRow>, RowCursor>generate(() -> RowCursor.open(path, context, report, properties.maxRows()),
				(cursor, sink) -> {
					List<SourceRow> chunk = cursor.nextChunk(properties.chunkRows());
					if (chunk.isEmpty()) {
						sink.complete();
					}
					else {
						sink.next(chunk);
					}
					return cursor;
				}, RowCursor::close)
			.subscribeOn(Schedulers.boundedElastic());
	}

	/** Reading position in one file. */
	private static final class RowCursor {

		private final BufferedReader reader;

		private final CsvReader csv;

		private final ImportContext context;

		private final ImportReport report;

		private final int maxRows;

		private final Map<ImportField, Integer> indexes = new EnumMap<>(ImportField.class);

		private int width;

		private int rowNumber;

		private boolean ended;

		private RowCursor(BufferedReader reader, ImportContext context, ImportReport report, int maxRows) {
			this.reader = reader;
			this.csv = new CsvReader(reader, context.options().delimiter());
			this.context = context;
			this.report = report;
			this.maxRows = maxRows;
		}

		static RowCursor open(Path path, ImportContext context, ImportReport report, int maxRows) {
			try {
				var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT);
				RowCursor cursor = new RowCursor(new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(path), decoder), 64 * 1024),
						context, report, maxRows);
				cursor.readHeader();
				return cursor;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private void readHeader() {
			List<String> header;
			try {
				header = csv.next();
			}
			catch (IOException ex) {
				report.error(null, null, ImportProblemCode.MALFORMED_ROW, "The header cannot be read: " + ex.getMessage());
				ended = true;
				return;
			}
			if (header == null) {
				report.error(null, null, ImportProblemCode.MISSING_COLUMN, "The file is empty: a header row is required");
				ended = true;
				return;
			}
			if (!header.isEmpty() && header.get(0).startsWith("\ufeff")) {
				header.set(0, header.get(0).substring(1));
			}
			width = header.size();
			context.columns().forEach((field, column) -> {
				int index = header.indexOf(column);
				if (index < 0) {
					report.error(null, column, ImportProblemCode.MISSING_COLUMN, "The mapped column is not in the header");
					ended = true;
				}
				indexes.put(field, index);
			});
		}

		List<SourceRow> nextChunk(int size) {
			List<SourceRow> chunk = new ArrayList<>(Math.min(size, 1_024));
			while (!ended && chunk.size() < size) {
				List<String> fields;
				try {
					fields = csv.next();
				}
				catch (IOException ex) {
					report.error(rowNumber + 1, null, ImportProblemCode.MALFORMED_ROW, "The file cannot be read from here on: " + ex.getMessage());
					ended = true;
					break;
				}
				if (fields == null) {
					ended = true;
					break;
				}
				rowNumber++;
				if (rowNumber > maxRows) {
					report.error(rowNumber, null, ImportProblemCode.TOO_MANY_ROWS, "A file may hold at most " + maxRows + " rows");
					ended = true;
					break;
				}
				if (fields.size() != width) {
					report.error(rowNumber, null, ImportProblemCode.MALFORMED_ROW,
							"The row has " + fields.size() + " columns, the header " + width);
					continue;
				}
				Map<ImportField, String> values = new EnumMap<>(ImportField.class);
				indexes.forEach((field, index) -> values.put(field, fields.get(index)));
				if (RowChecks.controlCharacters(context, rowNumber, values, report)) {
					chunk.add(new SourceRow(rowNumber, values));
				}
			}
			return chunk;
		}

		void close() {
			try {
				reader.close();
			}
			catch (IOException ex) {
				// Nothing was written through this reader; a failed close loses nothing.
			}
		}

	}

}
