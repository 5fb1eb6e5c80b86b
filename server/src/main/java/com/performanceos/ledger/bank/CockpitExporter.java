package com.performanceos.ledger.bank;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.performanceos.platform.digest.Sha256;
import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.audit.AuditTrail;
import com.performanceos.platform.documents.DocumentResponses;
import com.performanceos.platform.documents.QueryParameters;
import com.performanceos.platform.security.Role;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;

/**
 * {@code GET /exports/cockpit.pdf?asOf=&from=&to=&grain=}: the cash cockpit report. Its SHA-256 is
 * recorded in the audit log before the bytes leave the server, and sent as {@code X-Content-SHA256}.
 * Defaults: position as of today, flows over the last 12 weeks by week.
 */
@Configuration(proxyBeanMethods = false)
class CockpitExporter {

	private static final Set<Role> ALLOWED_ROLES = EnumSet.of(Role.ADMIN, Role.AUDITOR, Role.FINANCE, Role.ANALYST);

	private static final int DEFAULT_WEEKS = 12;

	@Bean
	RouterFunction<ServerResponse> cockpitReportRouter(CashService cash, TenantDatabase database, AuditTrail auditTrail) {
		return RouterFunctions.route()
			.GET("/exports/cockpit.pdf", request -> DocumentResponses.asViewer(request, ALLOWED_ROLES, "The cockpit report",
					viewer -> export(request, viewer, cash, database, auditTrail)))
			.build();
	}

	private static Mono<ServerResponse> export(ServerRequest request, Viewer viewer, CashService cash, TenantDatabase database,
			AuditTrail auditTrail) {
		LocalDate asOf;
		LocalDate from;
		LocalDate to;
		CashService.Grain grain;
		try {
			QueryParameters.checkAll(request);
			asOf = QueryParameters.date(request, "asOf").orElse(LocalDate.now());
			LocalDate end = QueryParameters.date(request, "to").orElse(asOf);
			to = end;
			from = QueryParameters.date(request, "from").orElseGet(() -> end.minusWeeks(DEFAULT_WEEKS));
			grain = CashService.Grain.valueOf(request.queryParam("grain").orElse("WEEK").toUpperCase(Locale.ROOT));
		}
		catch (QueryParameters.InvalidParameterException ex) {
			return QueryParameters.refuse(request, ex);
		}
		catch (IllegalArgumentException ex) {
			return DocumentResponses.error(request, HttpStatus.BAD_REQUEST, "BAD_USER_INPUT",
					"asOf, from and to are dates such as 2026-03-31; grain is DAY, WEEK or MONTH");
		}
		if (to.isBefore(from) || grain.bucketsBetween(from, to) > CashService.BUCKETS_MAX) {
			return DocumentResponses.error(request, HttpStatus.BAD_REQUEST, "BAD_USER_INPUT",
					"from must precede to, with at most " + CashService.BUCKETS_MAX + " periods");
		}
		return cash.position(viewer, asOf, List.of(CashService.Grouping.CURRENCY, CashService.Grouping.BANK))
			.zipWith(cash.flows(viewer, from, to, grain))
			.publishOn(Schedulers.boundedElastic())
			.map(loaded -> CockpitReport.render(viewer.tenant(), asOf, loaded.getT1(), from, to, grain, loaded.getT2()))
			.flatMap(pdf -> {
				String digest = Sha256.hex(pdf);
				Map<String, Object> image = new LinkedHashMap<>();
				image.put("format", "pdf");
				image.put("asOf", asOf.toString());
				image.put("from", from.toString());
				image.put("to", to.toString());
				image.put("grain", grain.name());
				image.put("sizeBytes", pdf.length);
				image.put("sha256", digest);
				return database.run(viewer.tenant(), tx -> auditTrail.record(tx,
						new AuditEntry(viewer.subject(), "ledger.cockpit.exported", "CockpitReport", null, null, null, image)).thenReturn(true))
					.then(ServerResponse.ok()
						.contentType(MediaType.APPLICATION_PDF)
						.cacheControl(CacheControl.noStore())
						.header(DocumentResponses.DIGEST_HEADER, digest)
						.headers(headers -> headers.setContentDisposition(ContentDisposition.attachment()
							.filename("cockpit-" + DocumentResponses.safeName(viewer.tenant()) + "-" + asOf + ".pdf").build()))
						.bodyValue(pdf));
			});
	}

}
