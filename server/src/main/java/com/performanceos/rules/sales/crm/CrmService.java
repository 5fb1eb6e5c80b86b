package com.performanceos.rules.sales.crm;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.egress.EgressGuard;
import com.performanceos.platform.egress.EgressRefused;
import com.performanceos.platform.graphql.Caller;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.jobs.Jobs;
import com.performanceos.platform.mutations.Idempotency;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;

/** Configures connections, queues syncs as jobs and reads their history. */
@Service
class CrmService {

	private final TenantDatabase database;

	private final Mutations mutations;

	private final CrmConnectionStore connections;

	private final CrmSyncStore syncs;

	private final CrmSecrets secrets;

	private final CrmSyncRun run;

	private final Jobs jobs;

	private final EgressGuard egress;

	private final CrmProperties settings;

	CrmService(TenantDatabase database, Mutations mutations, CrmConnectionStore connections, CrmSyncStore syncs, CrmSecrets secrets,
			CrmSyncRun run, Jobs jobs, EgressGuard egress, CrmProperties settings) {
		this.database = database;
		this.mutations = mutations;
		this.connections = connections;
		this.syncs = syncs;
		this.secrets = secrets;
		this.run = run;
		this.jobs = jobs;
		this.egress = egress;
		this.settings = settings;
	}

	Mono<ConfigureCrmConnection.Payload> configure(Caller caller, ConfigureCrmConnection.Input input) {
		List<CrmError> invalid = input.validate();
		if (!invalid.isEmpty()) {
			return Mono.just(ConfigureCrmConnection.Payload.failed(invalid));
		}
		String tenant = caller.viewer().tenant();
		ConnectionSettings connection = input.settings();
		boolean reset = Boolean.TRUE.equals(input.resetWatermark());
		// Checked now so that a URL the guard will refuse is an input error today, not a failed sync tomorrow.
		return egress.check(connection.apiUrl()).thenReturn(true)
			.onErrorResume(EgressRefused.class, refused -> Mono.just(false))
			.flatMap(allowed -> !allowed
					? Mono.just(ConfigureCrmConnection.Payload.failed(List.of(CrmError.invalid("apiUrl", "apiUrl " + EgressGuard.REFUSED_URL_MESSAGE))))
					: mutations.once(tenant, tx -> connections.save(tx, input.provider(), secrets.seal(tenant, input.credentials()),
							secrets.settings(connection), caller.viewer().subject(), reset)
						.map(stored -> Outcome.committed(ConfigureCrmConnection.Payload.configured(ConnectionView.of(stored, connection)),
								new AuditEntry(caller.viewer().subject(), "sales.crm.configured", "CrmConnection", null, caller.sourceAddress(), null,
										// What changed, never the secrets: the audit log is exported and read by auditors.
										Map.of("provider", input.provider().name(), "apiUrl", connection.apiUrl(), "resetWatermark", reset))))));
	}

	Mono<SyncCrm.Payload> sync(Caller caller, SyncCrm.Input input) {
		List<CrmError> invalid = input.validate();
		if (!invalid.isEmpty()) {
			return Mono.just(SyncCrm.Payload.failed(invalid));
		}
		Viewer viewer = caller.viewer();
		AtomicReference<@Nullable CrmSync> queued = new AtomicReference<>();
		return mutations.idempotent(viewer.tenant(), new Idempotency<>(SyncCrm.OPERATION, input.idempotencyKey(), input.fingerprint(),
				SyncCrm.Payload::conflict, (tx, key) -> syncs.load(tx, List.of(key)).map(found -> SyncCrm.Payload.queued(found.get(key)))),
				// The connection's row lock makes two concurrent requests queue one sync, not two.
				tx -> connections.lock(tx, input.provider())
					.flatMap(connection -> syncs.activeSince(tx, input.provider(), Instant.now().minus(settings.staleSyncAfter()))
						.map(active -> Outcome.rejected(SyncCrm.Payload.failed(new CrmError(CrmErrorCode.SYNC_ALREADY_RUNNING,
								"A sync of " + input.provider() + " is already queued or running", List.of("input", "provider")))))
						.switchIfEmpty(Mono.defer(() -> jobs.create(tx, CrmSyncRun.JOB_KIND)
							.flatMap(job -> syncs.insert(tx, UUID.randomUUID(), input.provider(), job.key(), viewer.subject()))
							.map(sync -> {
								queued.set(sync);
								return Outcome.committed(SyncCrm.Payload.queued(sync), sync.key(), new AuditEntry(viewer.subject(),
										"sales.crm.syncRequested", CrmSync.TYPE_NAME, sync.id(), caller.sourceAddress(), null,
										Map.of("provider", input.provider().name())));
							}))))
					.defaultIfEmpty(Outcome.rejected(SyncCrm.Payload.failed(new CrmError(CrmErrorCode.CONNECTION_NOT_FOUND,
							"No connection to " + input.provider() + ": configure one first", List.of("input", "provider"))))))
			.doOnNext(payload -> {
				// Submitted once, after the commit, and only by the request that queued it (never by a replay).
				CrmSync sync = queued.getAndSet(null);
				if (sync != null && payload.sync() != null) {
					jobs.submit(viewer.tenant(), sync.jobKey(),
							progress -> run.run(viewer.tenant(), sync.key(), sync.provider(), viewer.subject(), progress));
				}
			});
	}

	Mono<List<ConnectionView>> connections(Viewer viewer) {
		return database.run(viewer.tenant(), tx -> connections.all(tx))
			.map(all -> all.stream().map(stored -> ConnectionView.of(stored, secrets.settings(stored.settings()))).toList());
	}

	Mono<Connection<CrmSync>> syncs(Viewer viewer, @Nullable CrmProvider provider, PageRequest page) {
		return database.run(viewer.tenant(), tx -> syncs.page(tx, provider, page));
	}

	Mono<Map<UUID, CrmSync>> load(Viewer viewer, Collection<UUID> keys) {
		return database.run(viewer.tenant(), tx -> syncs.load(tx, keys));
	}

	Mono<Map<UUID, List<SkippedRecord>>> skipped(Viewer viewer, Collection<UUID> syncKeys) {
		return database.run(viewer.tenant(), tx -> syncs.skipped(tx, syncKeys));
	}

}
