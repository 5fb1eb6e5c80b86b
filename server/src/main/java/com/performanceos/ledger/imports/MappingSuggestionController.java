package com.performanceos.ledger.imports;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.platform.security.Viewer;

/** GraphQL edge of import mapping suggestions. */
@Controller
class MappingSuggestionController {

	private final MappingSuggestions suggestions;

	MappingSuggestionController(MappingSuggestions suggestions) {
		this.suggestions = suggestions;
	}

	@QueryMapping
	Mono<MappingSuggestions.Suggestion> suggestImportMapping(@Argument MappingSuggestions.Input input, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return suggestions.suggest(viewer, input);
	}

}
