package com.performanceos.ledger.bank;

import java.time.Clock;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.audit.AuditTrail;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.tenancy.TenantDatabase;

/**
 * {@code POST /webhooks/bank-aggregator/{tenant}}: authenticates the delivery by its signature, maps it
 * to the bank account of the tenant in the path registered under the aggregator account id it names,
 * and ingests it. Account ids are the tenant's own: another tenant registering the same id neither
 * receives these deliveries nor learns that the id exists. A refused delivery (401) stores
 * nothing; it is recorded in the audit log of the tenant its account id routes to, and when no
 * tenant can be resolved (unreadable body, unknown account) in a warning log line only. Every
 * refusal counts in the {@code performanceos.bank.webhook.refused} metric, tagged by reason.
 */
@Component
class AggregatorWebhook {

	static final String SIGNATURE_HEADER = "X-Signature";

	static final String TIMESTAMP_HEADER = "X-Timestamp";

	static final String ACTOR = "bank-aggregator-webhook";

	static final String REFUSED_ACTION = "ledger.bank_webhook.refused";

	static final String REFUSED_METRIC = "performanceos.bank.webhook.refused";

	/** Longest tenant name in the webhook's path. */
	static final int TENANT_LENGTH_MAX = 200;

	private static final Logger log = LoggerFactory.getLogger(AggregatorWebhook.class);

	private final WebhookSignature signature;

	private final TransactionIngestion ingestion;

	private final TenantDatabase database;

	private final AuditTrail auditTrail;

	private final MeterRegistry meters;

	private final JsonMapper json;

	private final BankAggregatorProperties properties;

	private final Clock clock = Clock.systemUTC();

	AggregatorWebhook(WebhookSignature signature, TransactionIngestion ingestion, TenantDatabase database, AuditTrail auditTrail,
			MeterRegistry meters, JsonMapper json, BankAggregatorProperties properties) {
		this.signature = signature;
		this.ingestion = ingestion;
		this.database = database;
		this.auditTrail = auditTrail;
		this.meters = meters;
		this.json = json;
		this.properties = properties;
	}

	Mono<ServerResponse> receive(ServerRequest request) {
		if (!isTenantName(request.pathVariable("tenant"))) {
			return answer(HttpStatus.NOT_FOUND, "No bank account is connected to this aggregator account id");
		}
		int maxBytes = (int) properties.maxWebhookBodySize().toBytes();
		String sourceAddress = request.remoteAddress().map(address -> address.getAddress().getHostAddress()).orElse(null);
		return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), maxBytes)
			.map(buffer -> {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				DataBufferUtils.release(buffer);
				return bytes;
			})
			.defaultIfEmpty(new byte[0])
			.flatMap(body -> handle(request, body, sourceAddress))
			.onErrorResume(DataBufferLimitException.class,
					tooLarge -> answer(HttpStatus.CONTENT_TOO_LARGE, "The body exceeds " + properties.maxWebhookBodySize()));
	}

	private Mono<ServerResponse> handle(ServerRequest request, byte[] body, @Nullable String sourceAddress) {
		WebhookSignature.Refusal refusal = signature.check(request.headers().firstHeader(SIGNATURE_HEADER),
				request.headers().firstHeader(TIMESTAMP_HEADER), body, clock.instant());
		if (refusal != null) {
			return refuse(refusal, request.pathVariable("tenant"), body, sourceAddress);
		}
		AggregatorBatch batch;
		try {
			batch = AggregatorBatch.parse(json, body);
		}
		catch (AggregatorBatch.Invalid invalid) {
			return answer(HttpStatus.BAD_REQUEST, invalid.getMessage());
		}
		String tenant = request.pathVariable("tenant");
		return ingestion.route(tenant, batch.accountId()).flatMap(route -> route.isEmpty()
				? answer(HttpStatus.NOT_FOUND, "No bank account is connected to this aggregator account id")
				: ingestion.ingest(route.get(), batch.transactions(), ACTOR, sourceAddress)
					.flatMap(result -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("received",
							result.received(), "stored", result.stored(), "categorized", result.categorized(), "unmatched", result.unmatched())))
					.onErrorResume(AggregatorBatch.Invalid.class, invalid -> answer(HttpStatus.BAD_REQUEST, invalid.getMessage())));
	}

	private Mono<ServerResponse> refuse(WebhookSignature.Refusal refusal, String tenant, byte[] body, @Nullable String sourceAddress) {
		String accountId = AggregatorBatch.accountIdOf(json, body);
		Mono<Boolean> audited = accountId == null ? Mono.just(false) : ingestion.route(tenant, accountId).flatMap(route -> route.isEmpty()
				? Mono.just(false)
				: database.run(route.get().tenant(), tx -> auditTrail.record(tx, new AuditEntry(ACTOR,
						REFUSED_ACTION, BankAccount.TYPE_NAME, GlobalId.encode(BankAccount.TYPE_NAME, route.get().bankAccountKey()),
						sourceAddress, null, Map.of("reason", refusal.name(), "bodyBytes", body.length)))).thenReturn(true));
		return audited.flatMap(inTenant -> {
			meters.counter(REFUSED_METRIC, "reason", refusal.name(), "attributed", String.valueOf(inTenant)).increment();
			if (!inTenant) {
				log.warn("Refused a bank aggregator webhook from {} ({}); no tenant could be attributed", sourceAddress, refusal);
			}
			return answer(HttpStatus.UNAUTHORIZED, "Missing, invalid or stale signature");
		});
	}

	/** A tenant name as a token could carry it: anything else (control characters, huge) routes nowhere. */
	private static boolean isTenantName(String tenant) {
		return !tenant.isEmpty() && tenant.length() <= TENANT_LENGTH_MAX && tenant.chars().noneMatch(Character::isISOControl);
	}

	private static Mono<ServerResponse> answer(HttpStatus status, String message) {
		return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("error", message));
	}

}
