package com.performanceos.tenders.watch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.egress.EgressGuard;
import com.performanceos.platform.events.DomainEvent;
import com.performanceos.platform.events.EventCodec;
import com.performanceos.platform.events.Outbox;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.tenders.procurement.Tender;
import com.performanceos.tenders.procurement.TenderPublished;

/**
 * Ingests notices: stores each call once whatever its sources, matches a new one against every saved search through
 * the in-memory {@link WatchIndex}, records the matches in each search's tenant and publishes {@link TenderMatched}
 * there through the outbox (the {@code tenderMatched} subscription of every instance delivers it). A call seen again,
 * in the same source or another, is never delivered twice.
 */
@Service
class MarketWatch {

	/**
	 * What one ingestion did.
	 *
	 * @param received notices received
	 * @param created calls seen for the first time
	 * @param duplicates notices of calls already known (same source, or another)
	 * @param matches matches delivered
	 */
	record Ingested(int received, int created, int duplicates, int matches) {

		static final Ingested NONE = new Ingested(0, 0, 0, 0);

		Ingested plus(Ingested other) {
			return new Ingested(received + other.received, created + other.created, duplicates + other.duplicates, matches + other.matches);
		}

	}

	/** The most watching tenants one reload reads: it bounds the reload (each tenant holds at most a few dozen searches). */
	static final int WATCHING_TENANTS_MAX = 100_000;

	private static final ZoneId LEGAL_ZONE = ZoneId.of("Europe/Paris");

	private static final Logger log = LoggerFactory.getLogger(MarketWatch.class);

	private final TenantDatabase database;

	private final WatchStore store;

	private final Outbox outbox;

	private final EgressGuard egress;

	private final EventCodec codec;

	private final WatchIndex index = new WatchIndex();

	private volatile boolean loaded;

	MarketWatch(TenantDatabase database, WatchStore store, Outbox outbox, EventCodec codec, EgressGuard egress) {
		this.database = database;
		this.codec = codec;
		this.egress = egress;
		this.store = store;
		this.outbox = outbox;
	}

	/**
	 * Reloads every tenant's saved searches into the index, each in its tenant's own session. Run before each polling
	 * round, so searches saved on another instance are matched from the next round on.
	 */
	Mono<Integer> reload() {
		return database.inTransaction("", store::watchingTenants)
			.flatMapMany(tenants -> Flux.fromIterable(tenants).take(WATCHING_TENANTS_MAX))
			.concatMap(tenant -> database.inTransaction(tenant, store::searches))
			.collect(ArrayList<SavedSearch>::new, List::addAll)
			.doOnNext(searches -> {
				index.replaceAll(searches);
				loaded = true;
			})
			.map(List::size);
	}

	/** Adds a search saved on this instance to the index at once. */
	void added(SavedSearch search) {
		if (loaded) {
			index.add(search);
		}
	}

	Mono<Ingested> ingest(List<Notice> notices) {
		Mono<Integer> ready = loaded ? Mono.just(index.size()) : reload();
		return ready.thenMany(Flux.fromIterable(notices))
			.concatMap(this::ingest)
			.reduce(Ingested.NONE, Ingested::plus);
	}

	private Mono<Ingested> ingest(Notice notice) {
		return database.inTransaction("", db -> store.storeNotice(db, notice)).flatMap(stored -> {
			if (!stored.created()) {
				return Mono.just(new Ingested(1, 0, 1, 0));
			}
			Map<String, List<WatchIndex.Hit>> byTenant = new LinkedHashMap<>();
			index.match(notice).forEach(hit -> byTenant.computeIfAbsent(hit.search().tenant(), key -> new ArrayList<>()).add(hit));
			if (byTenant.isEmpty()) {
				return Mono.just(new Ingested(1, 1, 0, 0));
			}
			return deliverAll(notice, stored, byTenant)
				.onErrorResume(failure -> {
					// Whatever failed rolled the whole delivery back: deliver tenant by tenant, so one tenant's failure
					// cannot stop the others'.
					log.warn("Delivering the matches of notice {} in one transaction failed ({}); delivering tenant by tenant",
							notice.sourceId(), failure.toString());
					return deliverEach(notice, stored, byTenant);
				})
				.map(matches -> new Ingested(1, 1, 0, matches));
		});
	}

	/**
	 * Every tenant's matches of a notice in one transaction: the match rows in one statement (bound to each tenant in
	 * turn, see {@link WatchStore#recordMatches}) and the {@link TenderMatched} events of the recorded ones in two.
	 */
	private Mono<Integer> deliverAll(Notice notice, WatchStore.StoredNotice stored, Map<String, List<WatchIndex.Hit>> byTenant) {
		List<WatchIndex.Hit> hits = byTenant.values().stream().flatMap(List::stream).toList();
		Instant now = Instant.now();
		return database.inTransaction("", db -> store.recordMatches(db, stored.key(), hits).flatMap(recorded -> {
			List<DomainEvent> events = hits.stream()
				.filter(hit -> recorded.contains(hit.search().key()))
				.map(hit -> codec.encode(hit.search().tenant(), now, event(hit, notice, stored)))
				.toList();
			return outbox.publishAll(db, events).thenReturn(events.size());
		}));
	}

	private Mono<Integer> deliverEach(Notice notice, WatchStore.StoredNotice stored, Map<String, List<WatchIndex.Hit>> byTenant) {
		return Flux.fromIterable(byTenant.entrySet())
			.concatMap(entry -> deliver(entry.getKey(), notice, stored, entry.getValue())
				.onErrorResume(failure -> {
					log.warn("Delivering the matches of notice {} to tenant {} failed: {}", notice.sourceId(), entry.getKey(), failure.toString());
					return Mono.just(0);
				}))
			.reduce(0, Integer::sum);
	}

	private Mono<Integer> deliver(String tenant, Notice notice, WatchStore.StoredNotice stored, List<WatchIndex.Hit> hits) {
		Instant now = Instant.now();
		return database.run(tenant, tx -> Flux.fromIterable(hits)
			.concatMap(hit -> store.insertMatch(tx, hit.search().key(), stored.key(), hit.match())
				.flatMap(inserted -> inserted ? outbox.publish(tx, now, event(hit, notice, stored)).thenReturn(1) : Mono.just(0)))
			.reduce(0, Integer::sum));
	}

	private static TenderMatched event(WatchIndex.Hit hit, Notice notice, WatchStore.StoredNotice stored) {
		return new TenderMatched(hit.search().key(), hit.search().name(), stored.key(), notice.source().name(), notice.sourceId(), notice.title(),
				notice.buyerName(), notice.cpvCodes(), notice.departments(), notice.value() == null ? null : notice.value().toPlainString(),
				notice.deadline(), notice.url(), notice.publishedOn(), hit.match().score(), hit.match().explanation());
	}

	/**
	 * Polls a connector from its watermark: at most {@code pagesMax} pages, each ingested before the watermark moves
	 * to its latest publication day. The base URL passes the egress guard first (public, or allowed by the operator).
	 * The first poll of a source starts the day before.
	 */
	Mono<Ingested> poll(NoticeConnector connector, int pagesMax) {
		return egress.check(connector.baseUrl())
			.then(database.inTransaction("", db -> store.watermark(db, connector.source())))
			.flatMap(watermark -> page(connector, watermark.orElse(LocalDate.now(LEGAL_ZONE).minusDays(1).toString()), 0, pagesMax));
	}

	private Mono<Ingested> page(NoticeConnector connector, String watermark, int page, int pagesLeft) {
		return connector.fetch(watermark, page)
			.flatMap(fetched -> ingest(fetched.notices())
				.flatMap(done -> database.inTransaction("", db -> store.advance(db, connector.source(), fetched.watermark())).thenReturn(done))
				.flatMap(done -> fetched.more() && pagesLeft > 1
						? page(connector, watermark, page + 1, pagesLeft - 1).map(done::plus) : Mono.just(done)));
	}

	/** A tender published here, matched like any notice. */
	@EventListener
	void published(TenderPublished event) {
		Tender tender = event.tender();
		Notice notice = new Notice(NoticeSource.LOCAL, tender.id(), tender.title(), tender.buyerName(),
				tender.cpvCodes().stream().map(code -> code.code().substring(0, 8)).toList(), List.of(tender.department()),
				tender.estimatedValue().amount(), tender.submissionDeadline(), null,
				LocalDate.ofInstant(tender.publishedAt() == null ? Instant.now() : tender.publishedAt(), LEGAL_ZONE));
		ingest(List.of(notice)).subscribe(done -> log.debug("Tender {} matched {} saved searches", tender.reference(), done.matches()),
				failure -> log.warn("Matching published tender {} failed: {}", tender.reference(), failure.toString()));
	}

	/** The index, for the benchmark that compares it with a scan of every search. */
	WatchIndex index() {
		return index;
	}

}
