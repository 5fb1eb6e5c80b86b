package com.performanceos.platform.audit;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * An export written to a temporary file, with the SHA-256 of exactly its bytes. The digest is only
 * known once the last record is written, and it must be recorded in the audit chain and sent as a
 * header before the body: hence the file, rather than streaming straight to the client. Rows arrive
 * with back-pressure and are written as they come, so memory stays bounded; the record limit bounds
 * the disk space.
 *
 * @param path the temporary file; {@link #delete()} removes it
 * @param recordCount how many records it holds
 * @param sizeBytes its size
 * @param sha256 the lower-case hex SHA-256 of its content
 */
record AuditExportFile(Path path, long recordCount, long sizeBytes, String sha256) {

	private static final Logger log = LoggerFactory.getLogger(AuditExportFile.class);

	private static final int WRITE_BUFFER_BYTES = 64 * 1024;

	/** Records queued between the database stream and the blocking file writer. */
	private static final int QUEUED_RECORDS_MAX = 256;

	/**
	 * Writes the records into a new temporary file. On error or cancellation the file is removed;
	 * more than {@code recordsMax} records fail with {@link TooManyRecordsException}.
	 */
	static Mono<AuditExportFile> write(Flux<AuditRecord> records, AuditExportFormat format, JsonMapper json,
			long recordsMax) {
		return Mono.fromCallable(() -> Files.createTempFile("audit-export-", "." + format.extension()))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap(path -> Mono.using(() -> new Sink(path, format, json, recordsMax),
					sink -> records.publishOn(Schedulers.boundedElastic(), QUEUED_RECORDS_MAX)
						.doOnNext(sink::write)
						.then(Mono.fromCallable(sink::finish)),
					Sink::close)
				.doOnError(ex -> deleteQuietly(path))
				.doOnCancel(() -> deleteQuietly(path)));
	}

	void delete() {
		deleteQuietly(path);
	}

	private static void deleteQuietly(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			log.warn("Could not delete the temporary audit export {}: {}", path, ex.toString());
		}
	}

	/** Raised when more records arrive than an export may hold. */
	static final class TooManyRecordsException extends RuntimeException {

		TooManyRecordsException(long recordsMax) {
			super("The export would hold more than " + recordsMax + " records");
		}

	}

	/** The open file, its digest and the format writer; used by one thread at a time. */
	private static final class Sink implements AutoCloseable {

		private final Path path;

		private final MessageDigest digest;

		private final OutputStream out;

		private final AuditExportWriter writer;

		private final long recordsMax;

		private long recordCount;

		private boolean closed;

		Sink(Path path, AuditExportFormat format, JsonMapper json, long recordsMax) throws IOException {
			this.path = path;
			this.digest = sha256();
			this.out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(path), WRITE_BUFFER_BYTES),
					digest);
			this.writer = format.open(out, json);
			this.recordsMax = recordsMax;
		}

		void write(AuditRecord record) {
			if (++recordCount > recordsMax) {
				throw new TooManyRecordsException(recordsMax);
			}
			writer.write(record);
		}

		AuditExportFile finish() throws IOException {
			writer.finish();
			close();
			return new AuditExportFile(path, recordCount, Files.size(path), HexFormat.of().formatHex(digest.digest()));
		}

		@Override
		public void close() {
			if (closed) {
				return;
			}
			closed = true;
			try {
				out.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private static MessageDigest sha256() {
			try {
				return MessageDigest.getInstance("SHA-256");
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("Every Java platform must provide SHA-256", ex);
			}
		}

	}

}
