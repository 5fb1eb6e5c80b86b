package com.performanceos.ledger.imports;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.graphql.Caller;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.graphql.NodeLoader;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.jobs.Job;
import com.performanceos.platform.jobs.Jobs;
import com.performanceos.platform.security.Viewer;

/** GraphQL edge of imports, deals and quotas: parse, call the service, map to the schema. */
@Controller
class ImportController implements NodeLoader {

	private final ImportService imports;

	private final Jobs jobs;

	private final JsonMapper json;

	ImportController(ImportService imports, Jobs jobs, JsonMapper json) {
		this.imports = imports;
		this.jobs = jobs;
		this.json = json;
	}

	@MutationMapping
	Mono<StartImport.Payload> startImport(@Argument StartImport.Input input, Caller caller) {
		if (!caller.viewer().hasAnyRole(imports.handler(input.kind()).roles())) {
			return Mono.error(new GraphQlException(ErrorCode.FORBIDDEN,
					"Importing " + input.kind() + " requires one of the roles " + imports.handler(input.kind()).roles()));
		}
		return imports.start(caller.viewer(), input, caller.sourceAddress());
	}

	@SchemaMapping(typeName = "StartImportPayload", field = "import")
	@Nullable Import startedImport(StartImport.Payload payload) {
		return payload.importRecord();
	}

	@SchemaMapping(typeName = "Import", field = "controlTotals")
	StartImport.ControlTotals controlTotals(Import record) {
		return new StartImport.ControlTotals(record.controlRowCount(), record.controlAmountSum());
	}

	@SchemaMapping(typeName = "Import", field = "report")
	@Nullable JsonNode report(Import record) {
		return record.report() == null ? null : json.readTree(record.report());
	}

	@SchemaMapping(typeName = "ImportReport")
	long errorCount(JsonNode report) {
		return report.get("errorCount").asLong();
	}

	@SchemaMapping(typeName = "ImportReport")
	long warningCount(JsonNode report) {
		return report.get("warningCount").asLong();
	}

	@SchemaMapping(typeName = "ImportReport")
	long problemCount(JsonNode report) {
		return report.get("problemCount").asLong();
	}

	@SchemaMapping(typeName = "ImportReport")
	boolean truncated(JsonNode report) {
		return report.get("truncated").asBoolean();
	}

	@SchemaMapping(typeName = "ImportReport")
	Connection<ImportProblem> problems(JsonNode report, @Argument @Nullable Integer first, @Argument @Nullable String after) {
		PageRequest page = PageRequest.of(first, after, null, null);
		int start = page.cursorKey() == null ? 0 : parseIndex(page.cursorKey()) + 1;
		JsonNode problems = report.get("problems");
		List<Indexed> fetched = new java.util.ArrayList<>();
		for (int index = start; index < problems.size() && fetched.size() <= page.size(); index++) {
			fetched.add(new Indexed(index, toProblem(problems.get(index))));
		}
		Connection<Indexed> indexed = Connection.fromKeyset(page, fetched, item -> Integer.toString(item.index()), problems.size());
		return new Connection<>(indexed.edges().stream().map(edge -> new Connection.Edge<>(edge.cursor(), edge.node().problem())).toList(),
				indexed.pageInfo(), indexed.totalCount());
	}

	@BatchMapping(typeName = "Import", field = "job")
	Mono<Map<Import, Job>> job(List<Import> records, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		List<UUID> keys = records.stream().map(Import::jobKey).filter(java.util.Objects::nonNull).toList();
		return jobs.load(viewer.tenant(), keys).map(found -> records.stream()
			.filter(record -> record.jobKey() != null && found.containsKey(record.jobKey()))
			.collect(Collectors.toMap(record -> record, record -> found.get(record.jobKey()))));
	}

	@BatchMapping(typeName = "Import", field = "duplicateOf")
	Mono<Map<Import, Import>> duplicateOf(List<Import> records, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		List<UUID> keys = records.stream().map(Import::duplicateOf).filter(java.util.Objects::nonNull).toList();
		return imports.load(viewer, keys).map(found -> records.stream()
			.filter(record -> record.duplicateOf() != null && found.containsKey(record.duplicateOf()))
			.collect(Collectors.toMap(record -> record, record -> found.get(record.duplicateOf()))));
	}

	@Override
	public String typeName() {
		return Import.TYPE_NAME;
	}

	@Override
	public Mono<Map<UUID, Object>> load(Viewer viewer, Collection<UUID> keys) {
		return imports.load(viewer, keys).map(Map::<UUID, Object>copyOf);
	}

	private record Indexed(int index, ImportProblem problem) {
	}

	private static int parseIndex(String cursor) {
		try {
			return Integer.parseInt(cursor);
		}
		catch (NumberFormatException ex) {
			throw new GraphQlException(ErrorCode.BAD_USER_INPUT, "Not an import problem cursor");
		}
	}

	private static ImportProblem toProblem(JsonNode problem) {
		return new ImportProblem(problem.get("row").isNull() ? null : problem.get("row").asInt(), text(problem.get("column")),
				ImportProblemCode.valueOf(problem.get("code").asString()), ImportProblem.Severity.valueOf(problem.get("severity").asString()),
				problem.get("message").asString(), text(problem.get("expected")), text(problem.get("actual")));
	}

	private static @Nullable String text(@Nullable JsonNode value) {
		return value == null || value.isNull() ? null : value.asString();
	}

}
