package com.performanceos.ledger.journal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.accounts.Account;
import com.performanceos.ledger.accounts.AccountsByKey;
import com.performanceos.platform.graphql.Caller;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.NodeLoader;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.security.Viewer;

/** GraphQL edge of the journal; every relation is loaded in one batch per request level. */
@Controller
class JournalController implements NodeLoader {

	private static final String INPUT = "input";

	private final JournalService journal;

	JournalController(JournalService journal) {
		this.journal = journal;
	}

	@QueryMapping
	Mono<Connection<JournalEntry>> journalEntries(@Argument @Nullable Integer first, @Argument @Nullable String after,
			@Argument @Nullable Integer last, @Argument @Nullable String before, @Argument @Nullable LocalDate effectiveFrom,
			@Argument @Nullable LocalDate effectiveTo, DataFetchingFieldSelectionSet selection,
			@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return journal.list(viewer, PageRequest.of(first, after, last, before), effectiveFrom, effectiveTo,
				Connection.totalSelected(selection));
	}

	/** The input is bound by {@link JournalInputBinding}, not by Spring's reflective binder (see there why). */
	@MutationMapping
	Mono<PostJournalEntry.Payload> postJournalEntry(DataFetchingEnvironment environment, Caller caller) {
		return journal.post(caller.viewer(), JournalInputBinding.entry(environment.getArgument(INPUT)), caller.sourceAddress());
	}

	/** The input is bound by {@link JournalInputBinding}, not by Spring's reflective binder (see there why). */
	@MutationMapping
	Mono<PostJournalEntries.Payload> postJournalEntries(DataFetchingEnvironment environment, Caller caller) {
		return journal.postBatch(caller.viewer(), JournalInputBinding.batch(environment.getArgument(INPUT)), caller.sourceAddress());
	}

	@MutationMapping
	Mono<ReverseJournalEntry.Payload> reverseJournalEntry(@Argument ReverseJournalEntry.Input input, Caller caller) {
		return journal.reverse(caller.viewer(), input, caller.sourceAddress());
	}

	@BatchMapping(typeName = "JournalEntry", field = "reversalOf")
	Mono<Map<JournalEntry, JournalEntry>> reversalOf(List<JournalEntry> entries, GraphQLContext context) {
		Set<UUID> keys = new LinkedHashSet<>();
		entries.forEach(entry -> {
			if (entry.reversalOfKey() != null) {
				keys.add(entry.reversalOfKey());
			}
		});
		if (keys.isEmpty()) {
			return Mono.just(Map.of());
		}
		return journal.load(viewer(context), keys).map(found -> {
			Map<JournalEntry, JournalEntry> byEntry = new LinkedHashMap<>();
			entries.forEach(entry -> {
				JournalEntry original = entry.reversalOfKey() == null ? null : found.get(entry.reversalOfKey());
				if (original != null) {
					byEntry.put(entry, original);
				}
			});
			return byEntry;
		});
	}

	@BatchMapping(typeName = "JournalEntry", field = "reversedBy")
	Mono<Map<JournalEntry, JournalEntry>> reversedBy(List<JournalEntry> entries, GraphQLContext context) {
		Viewer viewer = viewer(context);
		List<UUID> keys = entries.stream().map(JournalEntry::key).toList();
		return journal.reversalsOf(viewer, keys).flatMap(reversals -> reversals.isEmpty() ? Mono.just(Map.of())
				: journal.load(viewer, reversals.values()).map(found -> {
					Map<JournalEntry, JournalEntry> byEntry = new LinkedHashMap<>();
					entries.forEach(entry -> {
						UUID reversal = reversals.get(entry.key());
						if (reversal != null && found.containsKey(reversal)) {
							byEntry.put(entry, found.get(reversal));
						}
					});
					return byEntry;
				}));
	}

	@SchemaMapping(typeName = "JournalLine", field = "account")
	CompletableFuture<@Nullable Account> account(JournalEntry.Line line, DataLoader<UUID, Account> accountsByKey) {
		return AccountsByKey.load(accountsByKey, line.accountKey());
	}

	@Override
	public String typeName() {
		return JournalEntry.TYPE_NAME;
	}

	@Override
	public Mono<Map<UUID, Object>> load(Viewer viewer, Collection<UUID> keys) {
		return journal.load(viewer, keys).map(Map::<UUID, Object>copyOf);
	}

	private static Viewer viewer(GraphQLContext context) {
		return context.get(Viewer.CONTEXT_KEY);
	}

}
