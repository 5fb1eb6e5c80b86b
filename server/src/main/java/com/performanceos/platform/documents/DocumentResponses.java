package com.performanceos.platform.documents;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.web.GraphQlErrorBody;

/** HTTP answers for downloads: the file with its digest header, or a GraphQL-shaped error. */
public final class DocumentResponses {

	/** The header carrying the SHA-256 of the body, as recorded in the audit log. */
	public static final String DIGEST_HEADER = "X-Content-SHA256";

	private static final int READ_BUFFER_BYTES = 64 * 1024;

	private DocumentResponses() {
	}

	/** Sends the file as an attachment and deletes it once sent (or abandoned). */
	public static Mono<ServerResponse> send(ServerRequest request, HashedFile file, MediaType mediaType, String filename) {
		Flux<DataBuffer> body = DataBufferUtils.read(file.path(), request.exchange().getResponse().bufferFactory(), READ_BUFFER_BYTES)
			.doFinally(signal -> file.delete());
		return ServerResponse.ok()
			.contentType(mediaType)
			.contentLength(file.sizeBytes())
			.cacheControl(CacheControl.noStore())
			.header(DIGEST_HEADER, file.sha256())
			.headers(headers -> headers.setContentDisposition(ContentDisposition.attachment().filename(filename).build()))
			.body(BodyInserters.fromDataBuffers(body));
	}

	public static Mono<ServerResponse> error(ServerRequest request, HttpStatus status, String code, String message) {
		return ServerResponse.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(GraphQlErrorBody.json(code, message, GraphQlErrorBody.traceId(request.exchange())));
	}

	/** A file name made safe for Content-Disposition from a tenant or other free text. */
	public static String safeName(String text) {
		return text.replaceAll("[^A-Za-z0-9._-]", "_");
	}

}
