package com.performanceos.platform.documents;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.performanceos.platform.digest.Sha256;

/**
 * An export written to a temporary file, with the SHA-256 of exactly its bytes. The digest is only
 * known once the last row is written, and it must be recorded in the audit chain and sent as a
 * header before the body: hence the file, rather than streaming straight to the client. Rows arrive
 * with back-pressure and are written as they come, so memory stays bounded; the row limit bounds
 * the disk space.
 *
 * @param path the temporary file; {@link #delete()} removes it
 * @param rowCount how many rows it holds
 * @param sizeBytes its size
 * @param sha256 the lower-case hex SHA-256 of its content
 */
public record HashedFile(Path path, long rowCount, long sizeBytes, String sha256) {

	private static final Logger log = LoggerFactory.getLogger(HashedFile.class);

	private static final int WRITE_BUFFER_BYTES = 64 * 1024;

	/** Rows queued between the database stream and the blocking file writer. */
	private static final int QUEUED_ROWS_MAX = 256;

	/** Opens a format's writer over the file's (hashed) output stream. */
	@FunctionalInterface
	public interface WriterFactory<T> {

		RowWriter<T> open(OutputStream out) throws IOException;

	}

	/**
	 * Writes the rows into a new temporary file. On error or cancellation the file is removed;
	 * more than {@code rowsMax} rows fail with {@link TooManyRowsException}.
	 */
	public static <T> Mono<HashedFile> write(Flux<T> rows, String extension, WriterFactory<T> format, long rowsMax) {
		return Mono.fromCallable(() -> Files.createTempFile("export-", "." + extension))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap(path -> Mono.using(() -> new Sink<>(path, format, rowsMax),
					sink -> rows.publishOn(Schedulers.boundedElastic(), QUEUED_ROWS_MAX)
						.doOnNext(sink::write)
						.then(Mono.fromCallable(sink::finish)),
					Sink::close)
				.doOnError(ex -> deleteQuietly(path))
				.doOnCancel(() -> deleteQuietly(path)));
	}

	public void delete() {
		deleteQuietly(path);
	}

	private static void deleteQuietly(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			log.warn("Could not delete the temporary export {}: {}", path, ex.toString());
		}
	}

	/** Raised when more rows arrive than an export may hold. */
	public static final class TooManyRowsException extends RuntimeException {

		TooManyRowsException(long rowsMax) {
			super("The export would hold more than " + rowsMax + " rows");
		}

	}

	/** The open file, its digest and the format writer; used by one thread at a time. */
	private static final class Sink<T> implements AutoCloseable {

		private final Path path;

		private final MessageDigest digest;

		private final OutputStream out;

		private final RowWriter<T> writer;

		private final long rowsMax;

		private long rowCount;

		private boolean closed;

		Sink(Path path, WriterFactory<T> format, long rowsMax) throws IOException {
			this.path = path;
			this.digest = Sha256.newDigest();
			this.out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(path), WRITE_BUFFER_BYTES), digest);
			this.writer = format.open(out);
			this.rowsMax = rowsMax;
		}

		void write(T row) {
			if (++rowCount > rowsMax) {
				throw new TooManyRowsException(rowsMax);
			}
			writer.write(row);
		}

		HashedFile finish() throws IOException {
			writer.finish();
			close();
			return new HashedFile(path, rowCount, Files.size(path), HexFormat.of().formatHex(digest.digest()));
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

	}

}
