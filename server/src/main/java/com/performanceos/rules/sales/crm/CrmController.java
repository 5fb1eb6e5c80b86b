package com.performanceos.rules.sales.crm;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.Caller;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.graphql.NodeLoader;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.jobs.Job;
import com.performanceos.platform.jobs.Jobs;
import com.performanceos.platform.security.Viewer;

/** GraphQL edge of the CRM connectors: connections, syncs and their history, {@code Node} loading of syncs. */
@Controller
class CrmController implements NodeLoader {

	private final CrmService service;

	private final Jobs jobs;

	CrmController(CrmService service, Jobs jobs) {
		this.service = service;
		this.jobs = jobs;
	}

	@MutationMapping
	Mono<ConfigureCrmConnection.Payload> configureCrmConnection(@Argument ConfigureCrmConnection.Input input, Caller caller) {
		return service.configure(caller, input);
	}

	@MutationMapping
	Mono<SyncCrm.Payload> syncCrm(@Argument SyncCrm.Input input, Caller caller) {
		return service.sync(caller, input);
	}

	@QueryMapping
	Mono<List<ConnectionView>> crmConnections(@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return service.connections(viewer);
	}

	@QueryMapping
	Mono<Connection<CrmSync>> crmSyncs(@Argument @Nullable CrmProvider provider, @Argument @Nullable Integer first,
			@Argument @Nullable String after, @Argument @Nullable Integer last, @Argument @Nullable String before,
			@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		PageRequest page = PageRequest.of(first, after, last, before);
		if (page.cursorKey() != null) {
			try {
				CrmSyncStore.Cursor.parse(page.cursorKey());
			}
			catch (IllegalArgumentException ex) {
				return Mono.error(new GraphQlException(ErrorCode.BAD_USER_INPUT, "Not a CRM sync cursor"));
			}
		}
		return service.syncs(viewer, provider, page);
	}

	@BatchMapping(typeName = "CrmSync", field = "job")
	Mono<Map<CrmSync, Job>> job(List<CrmSync> syncs, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return jobs.load(viewer.tenant(), syncs.stream().map(CrmSync::jobKey).toList())
			.map(found -> syncs.stream().filter(sync -> found.containsKey(sync.jobKey()))
				.collect(Collectors.toMap(Function.identity(), sync -> found.get(sync.jobKey()))));
	}

	@BatchMapping(typeName = "CrmSync", field = "skippedRecords")
	Mono<Map<CrmSync, List<SkippedRecord>>> skippedRecords(List<CrmSync> syncs, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return service.skipped(viewer, syncs.stream().map(CrmSync::key).toList())
			.map(found -> syncs.stream().collect(Collectors.toMap(Function.identity(), sync -> found.getOrDefault(sync.key(), List.of()))));
	}

	@Override
	public String typeName() {
		return CrmSync.TYPE_NAME;
	}

	@Override
	public Mono<Map<UUID, Object>> load(Viewer viewer, Collection<UUID> keys) {
		return service.load(viewer, keys).map(Map::<UUID, Object>copyOf);
	}

}
