package com.performanceos.rules.commissions.proof;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
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

import com.performanceos.platform.documents.DocumentResponses;
import com.performanceos.platform.documents.QueryParameters;
import com.performanceos.platform.security.Role;
import com.performanceos.rules.commissions.runs.RunEvidence;

/**
 * {@code GET /exports/commissions/proof-pack.json} and {@code .pdf}, with {@code period=YYYY-MM&rep=code} for one rep's
 * month (the period's latest successful run), or {@code run=<CalculationRun id>} with an optional {@code rep}, or a
 * period alone for a whole run. The document's SHA-256 is audited before it is sent and travels in
 * {@code X-Content-SHA256}; the pack's id (for {@code verifyProofPack}) in {@code X-Proof-Pack-Id}. A REP gets only their
 * own, a MANAGER their team's as of the period, a whole run only those who read everyone's; anything else is 404,
 * as another tenant's run would be.
 */
@Configuration(proxyBeanMethods = false)
class ProofPackRoutes {

	static final String PACK_ID_HEADER = "X-Proof-Pack-Id";

	private static final Set<Role> ALLOWED_ROLES = EnumSet.of(Role.ADMIN, Role.AUDITOR, Role.FINANCE, Role.SALES_OPS, Role.MANAGER, Role.REP);

	private static final Pattern PERIOD = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

	/** A rep code as the sales data accepts it: 1 to 200 characters. */
	private static final int REP_LENGTH_MAX = 200;

	@Bean
	RouterFunction<ServerResponse> commissionProofPackRouter(ProofPacks packs) {
		return RouterFunctions.route()
			.GET("/exports/commissions/proof-pack.json", request -> download(request, packs, ProofPacks.Format.JSON))
			.GET("/exports/commissions/proof-pack.pdf", request -> download(request, packs, ProofPacks.Format.PDF))
			.build();
	}

	private static Mono<ServerResponse> download(ServerRequest request, ProofPacks packs, ProofPacks.Format format) {
		return DocumentResponses.asViewer(request, ALLOWED_ROLES, "A commission proof pack", viewer -> {
			try {
				QueryParameters.checkAll(request);
			}
			catch (QueryParameters.InvalidParameterException ex) {
				return QueryParameters.refuse(request, ex);
			}
			@Nullable String period = request.queryParam("period").orElse(null);
			@Nullable String run = request.queryParam("run").orElse(null);
			@Nullable String rep = request.queryParam("rep").orElse(null);
			if ((period == null) == (run == null) || period != null && !PERIOD.matcher(period).matches()
					|| rep != null && (rep.isBlank() || rep.length() > REP_LENGTH_MAX)) {
				return DocumentResponses.error(request, HttpStatus.BAD_REQUEST, "BAD_USER_INPUT",
						"Give either period (YYYY-MM) or run (a CalculationRun id), and optionally rep (a rep code)");
			}
			MediaType type = format == ProofPacks.Format.JSON ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_PDF;
			return packs.issue(viewer, new ProofPacks.Request(period, run, rep), format)
				.flatMap(document -> ServerResponse.ok()
					.contentType(type)
					.cacheControl(CacheControl.noStore())
					.header(DocumentResponses.DIGEST_HEADER, document.sha256())
					.header(PACK_ID_HEADER, document.packId())
					.headers(headers -> headers.setContentDisposition(ContentDisposition.attachment().filename(document.filename()).build()))
					.bodyValue(document.bytes()))
				.onErrorResume(RunEvidence.TooManyLinesException.class, ex -> DocumentResponses.error(request, HttpStatus.BAD_REQUEST, "BAD_USER_INPUT",
						ex.getMessage()))
				.switchIfEmpty(Mono.defer(() -> DocumentResponses.error(request, HttpStatus.NOT_FOUND, "NOT_FOUND",
						"No successful run with figures for that rep and period that you may read")));
		});
	}

}
