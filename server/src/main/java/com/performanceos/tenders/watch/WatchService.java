package com.performanceos.tenders.watch;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.mutations.Idempotency;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.tenders.TenderError;
import com.performanceos.tenders.TenderErrorCode;

/** Saved searches: created per tenant (bounded), listed, and handed to the match index. */
@Service
class WatchService {

	private final TenantDatabase database;

	private final Mutations mutations;

	private final WatchStore store;

	private final MarketWatch watch;

	private final WatchProperties properties;

	WatchService(TenantDatabase database, Mutations mutations, WatchStore store, MarketWatch watch, WatchProperties properties) {
		this.database = database;
		this.mutations = mutations;
		this.store = store;
		this.watch = watch;
		this.properties = properties;
	}

	Mono<CreateSavedSearch.Payload> create(Viewer viewer, CreateSavedSearch.Input input, @Nullable String sourceAddress) {
		List<TenderError> invalid = input.validate();
		if (!invalid.isEmpty()) {
			return Mono.just(CreateSavedSearch.Payload.failed(invalid));
		}
		return mutations.idempotent(viewer.tenant(), new Idempotency<>(CreateSavedSearch.OPERATION, input.idempotencyKey(), input.fingerprint(),
				CreateSavedSearch.Payload::conflict,
				(tx, key) -> store.searches(tx.db()).flatMap(all -> Mono.justOrEmpty(all.stream().filter(search -> search.key().equals(key)).findFirst()))
					.map(CreateSavedSearch.Payload::created)),
				tx -> store.countSearches(tx.db()).flatMap(count -> {
					if (count >= properties.searchesPerTenantMax()) {
						return Mono.just(Outcome.rejected(CreateSavedSearch.Payload.failed(List.of(TenderError.of(TenderErrorCode.LIMIT_EXCEEDED,
								"A tenant holds at most " + properties.searchesPerTenantMax() + " saved searches")))));
					}
					SavedSearch search = new SavedSearch(UUID.randomUUID(), viewer.tenant(), input.name().strip(), input.cpv(),
							input.normalisedKeywords(), input.departmentCodes(), input.valueMin(), input.valueMax(),
							Instant.now().truncatedTo(ChronoUnit.MICROS));
					return store.insertSearch(tx, search, viewer.subject())
						.then(input.digestEmail() == null ? Mono.empty() : store.insertDigest(tx, search.key(), input.digestEmail()))
						.thenReturn(Outcome.committed(CreateSavedSearch.Payload.created(search), search.key(), new AuditEntry(viewer.subject(),
								"tenders.watch.search-created", SavedSearch.TYPE_NAME, search.id(), sourceAddress, null,
								Map.of("name", search.name(), "cpvPrefixes", search.cpvPrefixes(), "keywords", search.keywords(), "departments",
										search.departments(), "digest", input.digestEmail() != null))));
				}))
			.doOnNext(payload -> {
				if (payload.savedSearch() != null) {
					watch.added(payload.savedSearch());
				}
			});
	}

	Mono<List<SavedSearch>> searches(Viewer viewer) {
		return database.inTransaction(viewer.tenant(), store::searches);
	}

	/** The digest addresses of the viewer's tenant's searches among {@code keys}. */
	Mono<Map<UUID, String>> digestEmails(Viewer viewer, Collection<UUID> keys) {
		return database.inTransaction(viewer.tenant(), db -> store.digestEmails(db, keys));
	}

	Mono<Map<UUID, SavedSearch>> searches(Viewer viewer, Collection<UUID> keys) {
		return searches(viewer).map(all -> all.stream().filter(search -> keys.contains(search.key()))
			.collect(Collectors.toMap(SavedSearch::key, Function.identity())));
	}

}
