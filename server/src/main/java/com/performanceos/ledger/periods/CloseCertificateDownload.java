package com.performanceos.ledger.periods;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.Optional;
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

import com.performanceos.platform.documents.DocumentResponses;
import com.performanceos.platform.security.Role;

/**
 * {@code GET /exports/close-certificates/{YYYY-MM}} (optional {@code ?version=n}, default the
 * latest): the certificate's exact bytes, with their SHA-256 in {@code X-Content-SHA256}, so a
 * downloaded file can be checked against the digest recorded at closing. The tenant is the token's.
 */
@Configuration(proxyBeanMethods = false)
class CloseCertificateDownload {

	static final String DIGEST_HEADER = "X-Content-SHA256";

	private static final Set<Role> ALLOWED_ROLES = EnumSet.of(Role.ADMIN, Role.AUDITOR, Role.FINANCE);

	@Bean
	RouterFunction<ServerResponse> closeCertificateRouter(PeriodService periods) {
		return RouterFunctions.route()
			.GET(CloseCertificate.DOWNLOAD_PATH + "{month}", request -> download(periods, request))
			.build();
	}

	private static Mono<ServerResponse> download(PeriodService periods, ServerRequest request) {
		return DocumentResponses.asViewer(request, ALLOWED_ROLES, "Downloading close certificates", viewer -> {
				Optional<YearMonth> month = PeriodInputs.parseMonth(request.pathVariable("month"));
				Optional<String> versionParameter = request.queryParam("version");
				if (month.isEmpty() || versionParameter.isPresent() && !versionParameter.get().matches("[1-9]\\d{0,8}")) {
					return DocumentResponses.error(request, HttpStatus.BAD_REQUEST, "BAD_USER_INPUT",
							"The path needs a month as YYYY-MM and version, when given, a positive integer");
				}
				Integer version = versionParameter.map(Integer::valueOf).orElse(null);
				return periods.certificate(viewer, month.get(), version)
					.flatMap(certificate -> send(viewer.tenant(), certificate))
					.switchIfEmpty(Mono.defer(() -> DocumentResponses.error(request, HttpStatus.NOT_FOUND, "NOT_FOUND",
							"No close certificate for " + month.get() + (version == null ? "" : " version " + version))));
			});
	}

	private static Mono<ServerResponse> send(String tenant, CloseCertificate certificate) {
		byte[] body = certificate.content().getBytes(StandardCharsets.UTF_8);
		String filename = "close-certificate-" + tenant.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + certificate.month() + "-v"
				+ certificate.version() + ".json";
		return ServerResponse.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.contentLength(body.length)
			.cacheControl(CacheControl.noStore())
			.header(DIGEST_HEADER, certificate.sha256())
			.headers(headers -> headers.setContentDisposition(ContentDisposition.attachment().filename(filename).build()))
			.bodyValue(body);
	}

}
