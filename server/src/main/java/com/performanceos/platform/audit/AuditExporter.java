package com.performanceos.platform.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.documents.DocumentResponses;
import com.performanceos.platform.documents.HashedFile;
import com.performanceos.platform.documents.QueryParameters;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.security.Role;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;

/**
 * Exports the caller's audit log as a file: checks the caller's roles, fixes the scope, writes the
 * file while hashing it, records the export (with the digest) in the audit chain, then sends the
 * file with its digest in {@code X-Content-SHA256}. Recording comes before sending, so an export
 * that leaves the server is always in the log.
 */
@Component
class AuditExporter {

	static final String DIGEST_HEADER = DocumentResponses.DIGEST_HEADER;

	static final String EXPORTED_ACTION = "audit.exported";

	private static final Set<Role> ALLOWED_ROLES = EnumSet.of(Role.ADMIN, Role.AUDITOR);

	private static final DateTimeFormatter FILE_TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final Logger log = LoggerFactory.getLogger(AuditExporter.class);

	private final AuditLog auditLog;

	private final AuditTrail auditTrail;

	private final TenantDatabase database;

	private final JsonMapper json;

	private final AuditProperties.Export limits;

	AuditExporter(AuditLog auditLog, AuditTrail auditTrail, TenantDatabase database, JsonMapper json,
			AuditProperties properties) {
		this.auditLog = auditLog;
		this.auditTrail = auditTrail;
		this.database = database;
		this.json = json;
		this.limits = properties.export();
	}

	Mono<ServerResponse> export(ServerRequest request, AuditExportFormat format) {
		return DocumentResponses.asViewer(request, ALLOWED_ROLES, "Exporting the audit log", viewer -> export(request, viewer, format));
	}

	private Mono<ServerResponse> export(ServerRequest request, Viewer viewer, AuditExportFormat format) {
		AuditLogFilter filter;
		try {
			QueryParameters.checkAll(request);
			filter = new AuditLogFilter(null, QueryParameters.dateTime(request, "from").orElse(null),
					QueryParameters.dateTime(request, "to").orElse(null));
		}
		catch (QueryParameters.InvalidParameterException ex) {
			return QueryParameters.refuse(request, ex);
		}
		catch (GraphQlException ex) {
			return QueryParameters.refuse(request, "from", ex.getMessage());
		}
		return auditLog.exportScope(viewer.tenant(), filter).flatMap(scope -> {
			if (scope.recordCount() > limits.maxRecords()) {
				return tooLarge(request, scope.recordCount());
			}
			return HashedFile.write(auditLog.stream(viewer.tenant(), scope, limits.fetchSize()), format.extension(),
					out -> format.open(out, json), limits.maxRecords())
				.flatMap(file -> recordExport(request, viewer, format, scope, file).thenReturn(file)
					.doOnError(ex -> file.delete())
					.doOnCancel(file::delete))
				.flatMap(file -> send(request, viewer, format, file))
				.onErrorResume(HashedFile.TooManyRowsException.class, ex -> tooLarge(request, limits.maxRecords() + 1));
		});
	}

	private Mono<Void> recordExport(ServerRequest request, Viewer viewer, AuditExportFormat format,
			AuditLog.ExportScope scope, HashedFile file) {
		Map<String, Object> image = new LinkedHashMap<>();
		image.put("format", format.extension());
		image.put("recordCount", file.rowCount());
		image.put("sizeBytes", file.sizeBytes());
		image.put("sha256", file.sha256());
		image.put("lastSequence", scope.lastSequence());
		if (scope.filter().from() != null) {
			image.put("from", scope.filter().from().toString());
		}
		if (scope.filter().to() != null) {
			image.put("to", scope.filter().to().toString());
		}
		String sourceAddress = request.remoteAddress()
			.map(address -> address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString())
			.orElse(null);
		return database.run(viewer.tenant(), tx -> auditTrail.record(tx,
				new AuditEntry(viewer.subject(), EXPORTED_ACTION, "AuditLog", null, sourceAddress, null, image))
			.thenReturn(true))
			.doOnNext(recorded -> log.info("Exported {} audit records of tenant {} as {} (sha256 {})", file.rowCount(),
					viewer.tenant(), format.extension(), file.sha256()))
			.then();
	}

	private Mono<ServerResponse> send(ServerRequest request, Viewer viewer, AuditExportFormat format, HashedFile file) {
		String filename = "audit-log-" + DocumentResponses.safeName(viewer.tenant()) + "-" + FILE_TIMESTAMP.format(Instant.now())
				+ "." + format.extension();
		return DocumentResponses.send(request, file, format.mediaType(), filename);
	}

	private Mono<ServerResponse> tooLarge(ServerRequest request, long recordCount) {
		return error(request, HttpStatus.BAD_REQUEST, "EXPORT_TOO_LARGE", "The export would hold " + recordCount
				+ " records, more than the limit of " + limits.maxRecords() + "; narrow it with the from and to parameters");
	}

	private static Mono<ServerResponse> error(ServerRequest request, HttpStatus status, String code, String message) {
		return DocumentResponses.error(request, status, code, message);
	}

}
