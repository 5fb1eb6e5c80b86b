package com.performanceos.tenders.opendata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.audit.AuditTrail;
import com.performanceos.platform.documents.DocumentResponses;
import com.performanceos.platform.documents.HashedFile;
import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.reference.ReferenceData;
import com.performanceos.platform.reference.ReferenceValue;
import com.performanceos.platform.security.Role;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.platform.web.GraphQlErrorBody;
import com.performanceos.tenders.contracts.Contracts;
import com.performanceos.tenders.organisations.OrganisationDirectory;

/**
 * Exports the caller's contracts from the open-data threshold as DECP 2.0.3 or as an OCDS 1.1.5 release package:
 * streamed from the database into a temporary file while each record is checked against the published schema, the
 * digest recorded in the audit chain, then the file sent with {@code X-Content-SHA256}. A record that fails the
 * schema stops the export with {@code OPEN_DATA_INVALID} naming the failing fields; nothing is sent.
 */
@Component
class OpenDataExporter {

	/** The kinds of document. */
	enum Kind {
		DECP, OCDS
	}

	static final String THRESHOLD_KEY = "procurement.open-data-threshold";

	private static final Set<Role> ALLOWED_ROLES = EnumSet.of(Role.ADMIN, Role.AUDITOR, Role.BUYER, Role.VALIDATOR);

	private static final ZoneId LEGAL_ZONE = ZoneId.of("Europe/Paris");

	private static final Logger log = LoggerFactory.getLogger(OpenDataExporter.class);

	private final Contracts contracts;

	private final OpenDataSchemas schemas;

	private final ReferenceData referenceData;

	private final OrganisationDirectory organisations;

	private final TenantDatabase database;

	private final AuditTrail auditTrail;

	private final JsonMapper json;

	private final OpenDataProperties properties;

	OpenDataExporter(Contracts contracts, OpenDataSchemas schemas, ReferenceData referenceData, OrganisationDirectory organisations,
			TenantDatabase database, AuditTrail auditTrail, JsonMapper json, OpenDataProperties properties) {
		this.contracts = contracts;
		this.schemas = schemas;
		this.referenceData = referenceData;
		this.organisations = organisations;
		this.database = database;
		this.auditTrail = auditTrail;
		this.json = json;
		this.properties = properties;
	}

	Mono<ServerResponse> export(ServerRequest request, Kind kind) {
		return DocumentResponses.asViewer(request, ALLOWED_ROLES, "Exporting open data", viewer -> export(request, viewer, kind));
	}

	private Mono<ServerResponse> export(ServerRequest request, Viewer viewer, Kind kind) {
		LocalDate today = LocalDate.now(LEGAL_ZONE);
		return Mono.zip(referenceData.inForce(List.of(THRESHOLD_KEY), today), database.inTransaction(viewer.tenant(), organisations::current))
			.flatMap(found -> {
				ReferenceValue threshold = found.getT1().get(THRESHOLD_KEY);
				if (threshold == null) {
					return Mono.error(new IllegalStateException("No open-data threshold in force on " + today));
				}
				String publisher = found.getT2().map(organisation -> organisation.name()).orElse(viewer.tenant());
				return contracts.count(viewer.tenant(), threshold.value())
					.flatMap(count -> count > properties.maxRecords() ? error(request, HttpStatus.BAD_REQUEST, "EXPORT_TOO_LARGE",
							"The export would hold " + count + " contracts, more than the limit of " + properties.maxRecords())
							: count == 0 && kind == Kind.OCDS ? error(request, HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND.name(),
									"No contract from " + threshold.value().toPlainString() + " EUR to publish: an OCDS package holds at least one release")
									: write(request, viewer, kind, today, threshold.value(), publisher));
			});
	}

	private Mono<ServerResponse> write(ServerRequest request, Viewer viewer, Kind kind, LocalDate today, BigDecimal threshold, String publisher) {
		OpenDataWriter.Format format = kind == Kind.DECP ? OpenDataFormats.decp(json, schemas, today)
				: OpenDataFormats.ocds(json, schemas, properties.ocidPrefix(), request.uri().toString(), publisher, OffsetDateTime.now(ZoneOffset.UTC)
					.withNano(0));
		return HashedFile.write(contracts.stream(viewer.tenant(), threshold, properties.fetchSize()), "json",
				out -> new OpenDataWriter(out, json, format), properties.maxRecords())
			.flatMap(file -> recordExport(request, viewer, kind, threshold, file).thenReturn(file)
				.doOnError(ex -> file.delete())
				.doOnCancel(file::delete))
			.flatMap(file -> DocumentResponses.send(request, file, MediaType.APPLICATION_JSON, fileName(viewer, kind, today)))
			.onErrorResume(InvalidOpenDataException.class, ex -> refuse(request, viewer, kind, ex));
	}

	private Mono<Void> recordExport(ServerRequest request, Viewer viewer, Kind kind, BigDecimal threshold, HashedFile file) {
		Map<String, Object> image = new LinkedHashMap<>();
		image.put("format", kind.name());
		image.put("contracts", file.rowCount());
		image.put("amountFrom", threshold.toPlainString());
		image.put("sizeBytes", file.sizeBytes());
		image.put("sha256", file.sha256());
		return database.run(viewer.tenant(), tx -> auditTrail.record(tx, new AuditEntry(viewer.subject(), "tenders.open-data.exported",
				"OpenData", null, sourceAddress(request), null, image)).thenReturn(true))
			.then();
	}

	/** The refusal: 422 with the failing fields in {@code extensions.paths}, and the contract that failed. */
	private Mono<ServerResponse> refuse(ServerRequest request, Viewer viewer, Kind kind, InvalidOpenDataException ex) {
		log.warn("Open-data export ({}) of tenant {} refused: {}", kind, viewer.tenant(), ex.getMessage());
		ObjectNode body = json.createObjectNode();
		ObjectNode error = body.putArray("errors").addObject();
		error.put("message", kind + " record of contract " + ex.contract().openDataId() + " fails the published schema, nothing was exported: "
				+ String.join("; ", ex.problems()));
		ObjectNode extensions = error.putObject("extensions");
		extensions.put("code", ErrorCode.OPEN_DATA_INVALID.name());
		extensions.put("traceId", GraphQlErrorBody.traceId(request.exchange()));
		extensions.put("contractId", ex.contract().id());
		ex.problems().forEach(problem -> extensions.withArray("paths").add(problem.substring(0, problem.indexOf(':'))));
		ex.problems().forEach(problem -> extensions.withArray("problems").add(problem));
		return ServerResponse.unprocessableEntity().contentType(MediaType.APPLICATION_JSON).bodyValue(json.writeValueAsString(body));
	}

	private static String fileName(Viewer viewer, Kind kind, LocalDate today) {
		return kind.name().toLowerCase() + "-" + DocumentResponses.safeName(viewer.tenant()) + "-" + today + ".json";
	}

	private static @Nullable String sourceAddress(ServerRequest request) {
		return request.remoteAddress()
			.map(address -> address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString())
			.orElse(null);
	}

	private static Mono<ServerResponse> error(ServerRequest request, HttpStatus status, String code, String message) {
		return DocumentResponses.error(request, status, code, message);
	}

}
