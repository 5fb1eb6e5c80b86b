package com.performanceos.ledger.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.ledger.accounts.Account;
import com.performanceos.ledger.accounts.AccountDirectory;
import com.performanceos.ledger.journal.PostedLines;
import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.audit.AuditTrail;
import com.performanceos.platform.documents.CsvRowWriter;
import com.performanceos.platform.documents.DocumentResponses;
import com.performanceos.platform.documents.HashedFile;
import com.performanceos.platform.documents.QueryParameters;
import com.performanceos.platform.documents.RowWriter;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.security.Role;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;

/**
 * {@code GET /exports/journal-entries.{csv,json}?from=&to=}: the journal lines of an effective-date
 * range, streamed from PostgreSQL into a hashed file, recorded in the audit log with its SHA-256,
 * then sent with that digest. Recording comes before sending, so no export leaves unrecorded.
 */
@Component
class JournalExporter {

	static final String EXPORTED_ACTION = "ledger.journal.exported";

	/** Most lines one export may hold; larger ranges are refused with a message to narrow them. */
	static final long MAX_LINES = 2_000_000;

	private static final int FETCH_SIZE = 1_000;

	private static final Set<Role> ALLOWED_ROLES = EnumSet.of(Role.ADMIN, Role.AUDITOR, Role.FINANCE, Role.ANALYST);

	private final TenantDatabase database;

	private final AuditTrail auditTrail;

	private final JsonMapper json;

	private final PostedLines postedLines;

	private final AccountDirectory accounts;

	JournalExporter(TenantDatabase database, AuditTrail auditTrail, JsonMapper json, PostedLines postedLines, AccountDirectory accounts) {
		this.database = database;
		this.auditTrail = auditTrail;
		this.json = json;
		this.postedLines = postedLines;
		this.accounts = accounts;
	}

	Mono<ServerResponse> export(ServerRequest request, String format) {
		return DocumentResponses.asViewer(request, ALLOWED_ROLES, "Exporting the journal", viewer -> export(request, viewer, format));
	}

	private Mono<ServerResponse> export(ServerRequest request, Viewer viewer, String format) {
		LocalDate from;
		LocalDate to;
		try {
			QueryParameters.checkAll(request);
			// Without bounds the export covers every stored line, rows written before dates were checked included.
			from = QueryParameters.date(request, "from").orElse(LocalDate.of(1, 1, 1));
			to = QueryParameters.date(request, "to").orElse(LocalDate.of(9999, 12, 31));
		}
		catch (QueryParameters.InvalidParameterException ex) {
			return QueryParameters.refuse(request, ex);
		}
		if (to.isBefore(from)) {
			return QueryParameters.refuse(request, "to", "to (" + to + ") is before from (" + from + ")");
		}
		boolean csv = "csv".equals(format);
		HashedFile.WriterFactory<ExportedLine> writer = csv
				? out -> new CsvRowWriter<>(out, ExportedLine.COLUMNS, ExportedLine::fields) : out -> new JsonArrayWriter(out, json);
		return HashedFile.write(lines(viewer, from, to), format, writer, MAX_LINES)
			.flatMap(file -> record(request, viewer, format, from, to, file).thenReturn(file).doOnError(ex -> file.delete()))
			.flatMap(file -> DocumentResponses.send(request, file, csv ? new MediaType("text", "csv", StandardCharsets.UTF_8)
					: MediaType.APPLICATION_JSON, "journal-" + DocumentResponses.safeName(viewer.tenant()) + "-" + from + "-" + to + "." + format))
			.onErrorResume(HashedFile.TooManyRowsException.class, ex -> DocumentResponses.error(request, HttpStatus.BAD_REQUEST,
					"EXPORT_TOO_LARGE", "The export would hold more than " + MAX_LINES + " lines; narrow it with from and to"));
	}

	/**
	 * The lines, with their accounts resolved through the account directory before the stream
	 * starts (the stream holds the transaction's connection until its last row).
	 */
	private Flux<ExportedLine> lines(Viewer viewer, LocalDate from, LocalDate to) {
		return database.runMany(viewer.tenant(), tx -> postedLines.accountsBetween(tx, from, to)
			.flatMap(keys -> accounts.loadWithin(tx, keys))
			.flatMapMany(byKey -> postedLines.between(tx, from, to, FETCH_SIZE)
				.map(line -> toLine(line, Objects.requireNonNull(byKey.get(line.accountKey()), "posted to an unknown account")))));
	}

	private Mono<Void> record(ServerRequest request, Viewer viewer, String format, LocalDate from, LocalDate to, HashedFile file) {
		Map<String, Object> image = new LinkedHashMap<>();
		image.put("format", format);
		image.put("from", from.toString());
		image.put("to", to.toString());
		image.put("lineCount", file.rowCount());
		image.put("sizeBytes", file.sizeBytes());
		image.put("sha256", file.sha256());
		String sourceAddress = request.remoteAddress().map(address -> address.getAddress() != null
				? address.getAddress().getHostAddress() : address.getHostString()).orElse(null);
		return database.run(viewer.tenant(), tx -> auditTrail.record(tx,
				new AuditEntry(viewer.subject(), EXPORTED_ACTION, "JournalExport", null, sourceAddress, null, image)).thenReturn(true))
			.then();
	}

	private static ExportedLine toLine(PostedLines.Line line, Account account) {
		UUID reversalOf = line.reversalOf();
		UUID batch = line.batchKey();
		return new ExportedLine(GlobalId.encode("JournalEntry", line.entryKey()), line.postingSequence(), line.reference(),
				line.description(), line.effectiveDate().toString(), line.postedAt().withOffsetSameInstant(ZoneOffset.UTC).toString(),
				line.lineNumber(), account.code(), account.name(), line.side().name(), line.amount().toPlainString(), line.currency(),
				line.memo(), reversalOf == null ? null : GlobalId.encode("JournalEntry", reversalOf), batch == null ? null : batch.toString());
	}

	/** A JSON array of line objects, amounts as strings (never floating point). */
	private static final class JsonArrayWriter implements RowWriter<ExportedLine> {

		private final OutputStream out;

		private final JsonMapper json;

		private boolean first = true;

		JsonArrayWriter(OutputStream out, JsonMapper json) {
			this.out = out;
			this.json = json;
			raw("[");
		}

		@Override
		public void write(ExportedLine line) {
			raw(first ? "\n" : ",\n");
			first = false;
			Map<String, @Nullable Object> object = new LinkedHashMap<>();
			String[] values = line.fields();
			for (int i = 0; i < ExportedLine.COLUMNS.length; i++) {
				object.put(ExportedLine.COLUMNS[i], values[i]);
			}
			object.put("postingSequence", line.postingSequence());
			object.put("lineNumber", line.lineNumber());
			raw(json.writeValueAsString(object));
		}

		@Override
		public void finish() {
			raw("\n]\n");
			try {
				out.flush();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private void raw(String text) {
			try {
				out.write(text.getBytes(StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
