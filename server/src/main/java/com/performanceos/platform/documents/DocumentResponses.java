package com.performanceos.platform.documents;

import java.util.Set;
import java.util.function.Function;

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

import com.performanceos.platform.security.Role;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.security.ViewerAuthentication;
import com.performanceos.platform.web.GraphQlErrorBody;

/** HTTP answers for downloads: the file with its digest header, or a GraphQL-shaped error. */
public final class DocumentResponses {

	/** The header carrying the SHA-256 of the body, as recorded in the audit log. */
	public static final String DIGEST_HEADER = "X-Content-SHA256";

	private static final int READ_BUFFER_BYTES = 64 * 1024;

	private DocumentResponses() {
	}

	/**
	 * Sends the file as an attachment and deletes it once sent (or abandoned).
	 * <p>
	 * The body goes chunked, without {@code Content-Length}, on purpose. With a length, the client has
	 * the whole body as soon as the file's last bytes are flushed, while the server ends the response
	 * only when the asynchronous file read completes, a moment later; a keep-alive client that sends
	 * its next request in that moment meets a Reactor Netty 1.3.6 defect (a request buffered behind an
	 * unfinished response and answered at once leaves the connection no longer read), and the request
	 * after it waits until the client's timeout. Chunked, the end of the body is the terminating chunk,
	 * written when the server ends the response, so the client cannot go on earlier. The digest header
	 * still lets the client check what it received.
	 */
	public static Mono<ServerResponse> send(ServerRequest request, HashedFile file, MediaType mediaType, String filename) {
		Flux<DataBuffer> body = DataBufferUtils.read(file.path(), request.exchange().getResponse().bufferFactory(), READ_BUFFER_BYTES)
			.doFinally(signal -> file.delete());
		return ServerResponse.ok()
			.contentType(mediaType)
			.cacheControl(CacheControl.noStore())
			.header(DIGEST_HEADER, file.sha256())
			.headers(headers -> headers.setContentDisposition(ContentDisposition.attachment().filename(filename).build()))
			.body(BodyInserters.fromDataBuffers(body));
	}

	/**
	 * Runs {@code handler} for the authenticated viewer of the request when they hold one of
	 * {@code roles} (any role when empty); otherwise answers 401 without a viewer, 403 without a role,
	 * in the GraphQL error shape. {@code what} names the action in the 403 message.
	 */
	public static Mono<ServerResponse> asViewer(ServerRequest request, Set<Role> roles, String what,
			Function<Viewer, Mono<ServerResponse>> handler) {
		return request.principal()
			.filter(ViewerAuthentication.class::isInstance)
			.map(principal -> ((ViewerAuthentication) principal).viewer())
			.flatMap(viewer -> roles.isEmpty() || viewer.hasAnyRole(roles) ? handler.apply(viewer)
					: error(request, HttpStatus.FORBIDDEN, "FORBIDDEN", what + " requires one of the roles " + roles))
			.switchIfEmpty(Mono.defer(() -> error(request, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Authentication is required")));
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
