package com.performanceos.rules.sales.crm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.audit.AuditTrail;
import com.performanceos.platform.events.Outbox;
import com.performanceos.platform.jobs.JobOutcome;
import com.performanceos.platform.jobs.ProgressReporter;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.rules.sales.SyncedDeals;
import com.performanceos.rules.sales.SyncedDeals.SyncedDeal;

/**
 * The work of one sync, run as a job: fetch every record changed after the watermark (up to the per-sync limit), map
 * each to a deal or a skip reason, then store the deals, the skips, the counts and the new watermark in one transaction.
 * Nothing is stored before every page has arrived, so a provider failing midway leaves the deals and the watermark as
 * they were, and the next sync fetches the same records again: nothing is lost, and storing a record twice changes
 * nothing.
 */
@Component
class CrmSyncRun {

	static final String JOB_KIND = "sales.crmSync";

	private static final Logger log = LoggerFactory.getLogger(CrmSyncRun.class);

	private final TenantDatabase database;

	private final CrmConnectionStore connections;

	private final CrmSecrets secrets;

	private final CrmSyncStore syncs;

	private final SyncedDeals deals;

	private final AuditTrail audit;

	private final CrmProperties settings;

	private final Outbox outbox;

	private final Map<CrmProvider, CrmClient> clients = new EnumMap<>(CrmProvider.class);

	CrmSyncRun(TenantDatabase database, CrmConnectionStore connections, CrmSecrets secrets, CrmSyncStore syncs, SyncedDeals deals,
			AuditTrail audit, CrmProperties settings, Outbox outbox, List<CrmClient> clients) {
		this.outbox = outbox;
		this.database = database;
		this.connections = connections;
		this.secrets = secrets;
		this.syncs = syncs;
		this.deals = deals;
		this.audit = audit;
		this.settings = settings;
		clients.forEach(client -> this.clients.put(client.provider(), client));
	}

	/** What the provider answered, up to the limit. */
	record Fetched(List<ProviderRecord> records, boolean truncated) {
	}

	Mono<JobOutcome> run(String tenant, UUID syncKey, CrmProvider provider, String requestedBy, ProgressReporter progress) {
		AtomicInteger fetched = new AtomicInteger();
		return database.run(tenant, tx -> connections.find(tx, provider)
			.flatMap(stored -> syncs.start(tx, syncKey, stored.watermark()).map(started -> secrets.open(tenant, stored))))
			.flatMap(connection -> fetch(tenant, connection, progress, fetched)
				.flatMap(found -> commit(tenant, syncKey, connection, found, requestedBy))
				.map(sync -> JobOutcome.succeeded(result(sync))))
			.switchIfEmpty(Mono.defer(() -> fail(tenant, syncKey, provider, SyncFailure.NOT_CONFIGURED, null, 0)))
			.onErrorResume(failure -> fail(tenant, syncKey, provider, ProviderCalls.classify(failure), failure, fetched.get()));
	}

	private Mono<Fetched> fetch(String tenant, CrmSecrets.Opened connection, ProgressReporter progress, AtomicInteger fetched) {
		CrmClient client = Objects.requireNonNull(clients.get(connection.provider()), "no client");
		int max = settings.recordsPerSyncMax();
		return client.changedSince(tenant, connection.credentials(), connection.settings(), connection.watermark())
			.doOnNext(page -> {
				int done = fetched.addAndGet(page.records().size());
				Long total = page.total() == null ? null : Math.max(done, Math.min(page.total(), max));
				progress.report(done, total);
			})
			.takeUntil(page -> fetched.get() >= max)
			.collectList()
			.map(pages -> {
				List<ProviderRecord> records = new ArrayList<>(fetched.get());
				pages.forEach(page -> records.addAll(page.records()));
				boolean truncated = !pages.isEmpty() && pages.get(pages.size() - 1).next() != null;
				return new Fetched(records, truncated);
			});
	}

	private Mono<CrmSync> commit(String tenant, UUID syncKey, CrmSecrets.Opened connection, Fetched fetched, String requestedBy) {
		CrmProvider provider = connection.provider();
		List<SyncedDeal> mapped = new ArrayList<>();
		List<SkippedRecord> skipped = new ArrayList<>();
		for (int i = 0; i < fetched.records().size(); i++) {
			switch (DealMapping.map(provider, fetched.records().get(i), i + 1, connection.settings())) {
				case DealMapping.Result.Mapped(SyncedDeal deal) -> mapped.add(deal);
				case DealMapping.Result.Skipped(SkippedRecord skip) -> skipped.add(skip);
			}
		}
		// A record that changed while the sync paged can come twice: its later state wins, as at the provider.
		Map<String, SyncedDeal> latest = new LinkedHashMap<>();
		mapped.forEach(deal -> latest.merge(deal.recordId(), deal,
				(kept, candidate) -> candidate.modifiedAt().isBefore(kept.modifiedAt()) ? kept : candidate));
		int repeated = mapped.size() - latest.size();
		@Nullable Instant watermark = watermark(fetched, connection.watermark());
		return database.run(tenant, tx -> connections.lock(tx, provider)
			.switchIfEmpty(Mono.error(() -> new NotConfigured()))
			.then(deals.heldByAnotherSource(tx, provider.name(), latest.keySet()))
			.flatMap(taken -> {
				List<SyncedDeal> storable = new ArrayList<>();
				for (SyncedDeal deal : latest.values()) {
					if (taken.contains(deal.recordId())) {
						skipped.add(new SkippedRecord(deal.position(), deal.recordId(), SkipReason.DEAL_ID_TAKEN,
								"The tenant holds a deal with this id from another source (a CSV import or another provider)"));
					}
					else {
						storable.add(deal);
					}
				}
				skipped.sort(Comparator.comparingInt(SkippedRecord::position));
				return store(tx, syncKey, storable).flatMap(stored -> syncs.addSkipped(tx, syncKey, skipped)
					.then(announce(tx, syncKey, provider, storable, stored))
					.then(watermark == null ? Mono.just(0L) : connections.advance(tx, provider, watermark))
					.then(syncs.succeed(tx, syncKey, new CrmSync.Counts(fetched.records().size(), stored.inserted(), stored.updated(),
							stored.unchanged() + repeated, skipped.size()), watermark)));
			})
			.flatMap(sync -> audit.record(tx, new AuditEntry(requestedBy, "sales.crm.synced", CrmSync.TYPE_NAME, sync.id(), null, null,
					result(sync))).thenReturn(sync)));
	}

	/**
	 * Publishes {@link CrmDealsSynced} in the sync's transaction when it changed any deal. The close dates span every
	 * record stored (changed or not): a bound, never narrower than the changed deals' own.
	 */
	private Mono<Void> announce(TenantTransaction tx, UUID syncKey, CrmProvider provider, List<SyncedDeal> storable,
			SyncedDeals.Stored stored) {
		int changed = stored.inserted() + stored.updated();
		if (changed == 0) {
			return Mono.empty();
		}
		String from = storable.stream().map(SyncedDeal::closeDate).min(Comparator.naturalOrder()).orElseThrow().toString();
		String to = storable.stream().map(SyncedDeal::closeDate).max(Comparator.naturalOrder()).orElseThrow().toString();
		return outbox.publish(tx, Instant.now(), new CrmDealsSynced(com.performanceos.platform.graphql.GlobalId.encode(CrmSync.TYPE_NAME,
				syncKey), provider.name(), changed, from, to));
	}

	private Mono<SyncedDeals.Stored> store(TenantTransaction tx, UUID syncKey, List<SyncedDeal> storable) {
		List<List<SyncedDeal>> batches = new ArrayList<>();
		for (int from = 0; from < storable.size(); from += SyncedDeals.BATCH_MAX) {
			batches.add(storable.subList(from, Math.min(storable.size(), from + SyncedDeals.BATCH_MAX)));
		}
		return Flux.fromIterable(batches)
			.concatMap(batch -> deals.upsert(tx, syncKey, batch))
			.reduce(new SyncedDeals.Stored(0, 0, 0), (sum, next) -> new SyncedDeals.Stored(sum.inserted() + next.inserted(),
					sum.updated() + next.updated(), sum.unchanged() + next.unchanged()));
	}

	/**
	 * The watermark to commit: the newest last-modified time fetched. When the sync stopped at its limit with more to
	 * come, the newest time is left out: other records changed in that same instant may not have been fetched yet, and
	 * the next sync, asking for changes strictly after the watermark, must still find them (it fetches the ones already
	 * stored again, which changes nothing).
	 */
	static @Nullable Instant watermark(Fetched fetched, @Nullable Instant before) {
		List<Instant> times = fetched.records().stream().map(ProviderRecord::modifiedAt).filter(Objects::nonNull).sorted().toList();
		if (times.isEmpty()) {
			return before;
		}
		Instant newest = times.get(times.size() - 1);
		Instant committed = newest;
		if (fetched.truncated()) {
			// Every record fetched may share one instant: then moving past it is the only way forward.
			committed = times.stream().filter(time -> time.isBefore(newest)).reduce((first, second) -> second).orElse(newest);
		}
		return before != null && before.isAfter(committed) ? before : committed;
	}

	private Mono<JobOutcome> fail(String tenant, UUID syncKey, CrmProvider provider, SyncFailure failure, @Nullable Throwable cause,
			int fetched) {
		String message = ProviderCalls.describe(failure, cause == null ? new NotConfigured() : cause);
		if (failure == SyncFailure.INTERNAL) {
			log.error("CRM sync {} of {} failed", syncKey, provider, cause);
		}
		else {
			// The class and status only: an exception's text could name an address of the server's network.
			log.warn("CRM sync {} of {} failed: {} ({})", syncKey, provider, failure, cause == null ? "" : cause.getClass().getSimpleName());
		}
		return database.run(tenant, tx -> syncs.fail(tx, syncKey, failure, message, fetched))
			.map(sync -> JobOutcome.failed(message, result(sync)))
			.defaultIfEmpty(JobOutcome.failed(message, Map.of("failure", failure.name())));
	}

	private static Map<String, Object> result(CrmSync sync) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("syncId", sync.id());
		result.put("provider", sync.provider().name());
		result.put("fetched", sync.counts().fetched());
		result.put("inserted", sync.counts().inserted());
		result.put("updated", sync.counts().updated());
		result.put("unchanged", sync.counts().unchanged());
		result.put("skipped", sync.counts().skipped());
		if (sync.failure() != null) {
			result.put("failure", sync.failure().name());
		}
		return result;
	}

	/** The connection was removed while the sync ran. */
	static final class NotConfigured extends RuntimeException {

		NotConfigured() {
			super("No connection for this provider", null, false, false);
		}

	}

}
