package com.performanceos.platform.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.NodeLoader;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.security.Viewer;

/** GraphQL edge of the audit log: listing, chain verification and {@code node(id)} loading. */
@Controller
class AuditController implements NodeLoader {

	private final AuditLog auditLog;

	private final AuditChainVerifier verifier;

	private final JsonMapper json;

	AuditController(AuditLog auditLog, AuditChainVerifier verifier, JsonMapper json) {
		this.auditLog = auditLog;
		this.verifier = verifier;
		this.json = json;
	}

	@QueryMapping
	Mono<Connection<AuditRecord>> auditLog(@Argument @Nullable Integer first, @Argument @Nullable String after,
			@Argument @Nullable Integer last, @Argument @Nullable String before, @Argument @Nullable String action,
			@Argument @Nullable OffsetDateTime from, @Argument @Nullable OffsetDateTime to,
			@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		AuditLogFilter filter = new AuditLogFilter(action, toInstant(from), toInstant(to));
		return auditLog.list(viewer.tenant(), PageRequest.of(first, after, last, before), filter);
	}

	@QueryMapping
	Mono<AuditChainVerification> verifyAuditChain(@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return verifier.verify(viewer.tenant());
	}

	@SchemaMapping(typeName = AuditRecord.TYPE_NAME)
	String id(AuditRecord record) {
		return record.id();
	}

	@SchemaMapping(typeName = AuditRecord.TYPE_NAME)
	@Nullable JsonNode before(AuditRecord record) {
		return parse(record.beforeJson());
	}

	@SchemaMapping(typeName = AuditRecord.TYPE_NAME)
	@Nullable JsonNode after(AuditRecord record) {
		return parse(record.afterJson());
	}

	@Override
	public String typeName() {
		return AuditRecord.TYPE_NAME;
	}

	@Override
	public Mono<Map<UUID, Object>> load(Viewer viewer, Collection<UUID> keys) {
		return auditLog.load(viewer.tenant(), keys).map(Map::<UUID, Object>copyOf);
	}

	private @Nullable JsonNode parse(@Nullable String image) {
		return image == null ? null : json.readTree(image);
	}

	private static @Nullable Instant toInstant(@Nullable OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}

}
