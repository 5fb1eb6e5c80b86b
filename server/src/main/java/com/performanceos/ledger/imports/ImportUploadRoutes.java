package com.performanceos.ledger.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

import com.performanceos.platform.documents.DocumentResponses;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.jobs.Job;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.web.BodyLimitExemption;

/**
 * {@code PUT /imports/{id}/content}: the file of an import started with {@code startImport}, as
 * {@code text/csv}, authenticated by the bearer token of the import's tenant. The body streams to
 * disk (hashed on the way) up to {@code performanceos.imports.max-file-size}; then the import's job
 * is queued (202), or the file is recognised as already imported (200, status DUPLICATE_FILE).
 * Another tenant's import is as absent as a nonexistent one (404).
 */
@Configuration(proxyBeanMethods = false)
class ImportUploadRoutes {

	static final String PATH = "/imports/{id}/content";

	@Bean
	RouterFunction<ServerResponse> importUploadRouter(ImportService imports, ImportsProperties properties) {
		return RouterFunctions.route().PUT(PATH, request -> upload(request, imports, properties)).build();
	}

	@Bean
	BodyLimitExemption importUploadBodyLimitExemption() {
		PathPattern pattern = new PathPatternParser().parse(PATH);
		return request -> pattern.matches(request.getPath().pathWithinApplication());
	}

	private static Mono<ServerResponse> upload(ServerRequest request, ImportService imports, ImportsProperties properties) {
		// The roles depend on the import's kind, checked once the import is loaded.
		return DocumentResponses.asViewer(request, Set.of(), "Uploading an import", viewer -> upload(request, viewer, imports, properties));
	}

	private static Mono<ServerResponse> upload(ServerRequest request, Viewer viewer, ImportService imports, ImportsProperties properties) {
		var contentType = request.headers().contentType();
		if (contentType.isEmpty() || !contentType.get().isCompatibleWith(MediaType.parseMediaType("text/csv"))) {
			return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "The content must be sent as text/csv");
		}
		long declared = request.headers().contentLength().orElse(-1);
		if (declared > properties.maxFileSize().toBytes()) {
			return tooLarge(properties);
		}
		var key = GlobalId.decode(request.pathVariable("id"), Import.TYPE_NAME);
		if (key.isEmpty()) {
			return notFound();
		}
		return imports.load(viewer, List.of(key.get()))
			.flatMap(found -> Mono.justOrEmpty(found.get(key.get())))
			.flatMap(waiting -> {
				if (!viewer.hasAnyRole(imports.handler(waiting.kind()).roles())) {
					return error(HttpStatus.FORBIDDEN, "FORBIDDEN", "Importing " + waiting.kind() + " requires one of the roles "
							+ imports.handler(waiting.kind()).roles());
				}
				if (waiting.status() != ImportStatus.AWAITING_CONTENT) {
					return conflict(waiting);
				}
				return imports.receive(viewer, waiting, request.body(BodyExtractors.toDataBuffers())).flatMap(upload -> switch (upload) {
					case ImportService.Upload.Queued(Import queued) -> ServerResponse.accepted().contentType(MediaType.APPLICATION_JSON)
						.bodyValue(answer(queued));
					case ImportService.Upload.Duplicate(Import duplicate) -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
						.bodyValue(answer(duplicate));
					case ImportService.Upload.NotAwaiting(Import current) -> conflict(current);
				});
			})
			.switchIfEmpty(Mono.defer(ImportUploadRoutes::notFound))
			.onErrorResume(ImportFiles.TooLargeException.class, ex -> tooLarge(properties));
	}

	private static Map<String, Object> answer(Import upload) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", upload.id());
		answer.put("status", upload.status().name());
		answer.put("sha256", upload.sha256());
		answer.put("sizeBytes", upload.sizeBytes());
		if (upload.jobKey() != null) {
			answer.put("jobId", Job.idOf(upload.jobKey()));
		}
		if (upload.duplicateOf() != null) {
			answer.put("duplicateOf", GlobalId.encode(Import.TYPE_NAME, upload.duplicateOf()));
		}
		return answer;
	}

	private static Mono<ServerResponse> conflict(Import current) {
		return error(HttpStatus.CONFLICT, "CONFLICT", "The import is " + current.status() + "; it no longer accepts content");
	}

	private static Mono<ServerResponse> notFound() {
		return error(HttpStatus.NOT_FOUND, "NOT_FOUND", "No such import");
	}

	private static Mono<ServerResponse> tooLarge(ImportsProperties properties) {
		return error(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
				"The file exceeds the limit of " + properties.maxFileSize().toBytes() + " bytes");
	}

	private static Mono<ServerResponse> error(HttpStatus status, String code, String message) {
		return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("errors", List.of(Map.of("message", message, "extensions", Map.of("code", code)))));
	}

}
