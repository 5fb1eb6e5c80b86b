package com.performanceos.rules.commissions.statements;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.audit.AuditTrail;
import com.performanceos.platform.digest.Sha256;
import com.performanceos.platform.documents.DocumentResponses;
import com.performanceos.platform.documents.QueryParameters;
import com.performanceos.platform.security.Role;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.rules.commissions.runs.RunEvidence;

/**
 * {@code GET /exports/commissions/statement.pdf?rep=&period=}: a rep's statement from the month's latest successful
 * run, as the GraphQL {@code commissionStatement} answers it and with the same visibility (a REP their own, a MANAGER
 * their team's as of the period; anything else is 404, as an absent statement is). The PDF's SHA-256 is audited before
 * the bytes leave the server and sent as {@code X-Content-SHA256}.
 */
@Configuration(proxyBeanMethods = false)
class StatementDownload {

	private static final Set<Role> ALLOWED_ROLES = EnumSet.of(Role.ADMIN, Role.AUDITOR, Role.FINANCE, Role.SALES_OPS, Role.MANAGER, Role.REP);

	private static final Pattern PERIOD = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

	private static final int REP_LENGTH_MAX = 200;

	@Bean
	RouterFunction<ServerResponse> commissionStatementRouter(TenantDatabase database, RunEvidence evidence, AuditTrail auditTrail) {
		return RouterFunctions.route()
			.GET("/exports/commissions/statement.pdf", request -> DocumentResponses.asViewer(request, ALLOWED_ROLES, "A commission statement",
					viewer -> download(request, viewer, database, evidence, auditTrail)))
			.build();
	}

	private record Loaded(RunEvidence.Run run, com.performanceos.rules.commissions.calculation.CalculationResult.RepTotal total,
			java.util.List<RunEvidence.Line> lines) {
	}

	private static Mono<ServerResponse> download(ServerRequest request, Viewer viewer, TenantDatabase database, RunEvidence evidence,
			AuditTrail auditTrail) {
		try {
			QueryParameters.checkAll(request);
		}
		catch (QueryParameters.InvalidParameterException ex) {
			return QueryParameters.refuse(request, ex);
		}
		String period = request.queryParam("period").orElse("");
		String rep = request.queryParam("rep").orElse("");
		if (!PERIOD.matcher(period).matches() || rep.isBlank() || rep.length() > REP_LENGTH_MAX) {
			return DocumentResponses.error(request, HttpStatus.BAD_REQUEST, "BAD_USER_INPUT", "Give period (YYYY-MM) and rep (a rep code)");
		}
		return database.run(viewer.tenant(), tx -> evidence.allows(tx, viewer, period, rep).filter(Boolean::booleanValue)
			.flatMap(allowed -> evidence.latestRun(tx, period))
			.flatMap(run -> evidence.totals(tx, run, rep).filter(totals -> !totals.isEmpty())
				.flatMap(totals -> evidence.lines(tx, run, rep).map(lines -> new Loaded(run, totals.getFirst(), lines)))))
			.publishOn(Schedulers.boundedElastic())
			.map(loaded -> Map.entry(loaded, StatementPdf.render(viewer.tenant(), loaded.run(), loaded.total(), loaded.lines())))
			.flatMap(rendered -> {
				byte[] pdf = rendered.getValue();
				String digest = Sha256.hex(pdf);
				Map<String, Object> image = new LinkedHashMap<>();
				image.put("format", "pdf");
				image.put("rep", rep);
				image.put("period", period);
				image.put("runId", rendered.getKey().run().id());
				image.put("sizeBytes", pdf.length);
				image.put("sha256", digest);
				return database.run(viewer.tenant(), tx -> auditTrail.record(tx, new AuditEntry(viewer.subject(), "commissions.statement.exported",
						"CommissionStatement", null, null, null, image)).thenReturn(true))
					.then(ServerResponse.ok()
						.contentType(MediaType.APPLICATION_PDF)
						.cacheControl(CacheControl.noStore())
						.header(DocumentResponses.DIGEST_HEADER, digest)
						.headers(headers -> headers.setContentDisposition(ContentDisposition.attachment()
							.filename("statement-" + DocumentResponses.safeName(rep) + "-" + period + ".pdf").build()))
						.bodyValue(pdf));
			})
			.onErrorResume(RunEvidence.TooManyLinesException.class, ex -> DocumentResponses.error(request, HttpStatus.BAD_REQUEST, "BAD_USER_INPUT",
					ex.getMessage()))
			.switchIfEmpty(Mono.defer(() -> DocumentResponses.error(request, HttpStatus.NOT_FOUND, "NOT_FOUND",
					"No statement for that rep and period that you may read")));
	}

}
