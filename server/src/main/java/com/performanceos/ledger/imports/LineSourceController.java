package com.performanceos.ledger.imports;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.imports.ImportLineage.LineSource;
import com.performanceos.platform.security.Viewer;

/** {@code LineSource.import}: the imports behind drilled-down lines, loaded in one batch. */
@Controller
class LineSourceController {

	private final ImportService imports;

	LineSourceController(ImportService imports) {
		this.imports = imports;
	}

	@BatchMapping(typeName = "LineSource", field = "import")
	Mono<Map<LineSource, Import>> sourceImport(List<LineSource> sources, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		Set<UUID> keys = new LinkedHashSet<>();
		sources.forEach(source -> keys.add(source.importKey()));
		return imports.load(viewer, keys).map(found -> {
			Map<LineSource, Import> bySource = new LinkedHashMap<>();
			sources.forEach(source -> {
				Import record = found.get(source.importKey());
				if (record != null) {
					bySource.put(source, record);
				}
			});
			return bySource;
		});
	}

}
