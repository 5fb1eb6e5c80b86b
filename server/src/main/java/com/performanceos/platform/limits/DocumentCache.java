package com.performanceos.platform.limits;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.security.Viewer;

/**
 * Parses and validates each distinct document once: the same query text (what SDKs and cockpits
 * send over and over) reuses the parsed, validated document, which depends only on the schema and
 * the text, never on variables; it is kept per tenant. Requests carrying an automatic persisted query hash go to the APQ
 * support, which keeps its own shared store in Redis. Bounded in entries and document size.
 * <p>
 * Before a document is validated, its size once fragments are expanded is counted on the parsed
 * text ({@link ExpandedFieldCount}): a fragment bomb, a kilobyte that expands to millions of fields,
 * is refused with {@code COST_LIMIT_EXCEEDED} in microseconds, before graphql-java's validation and
 * normalization would spend minutes of CPU and all the memory on it. The refusal is cached like a
 * document, so it costs one lookup the next time.
 */
final class DocumentCache implements PreparsedDocumentProvider {

	private static final int MAX_ENTRIES = 2_000;

	private final PreparsedDocumentProvider persistedQueries;

	private final long maxDocumentLength;

	private final long maxExpandedFields;

	private final Cache<Key, PreparsedDocumentEntry> documents = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();

	DocumentCache(PreparsedDocumentProvider persistedQueries, long maxDocumentLength, long maxExpandedFields) {
		this.persistedQueries = persistedQueries;
		this.maxDocumentLength = maxDocumentLength;
		this.maxExpandedFields = maxExpandedFields;
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> unguarded) {
		Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate = document -> {
			PreparsedDocumentEntry refusal = refuseIfTooLarge(document.getQuery());
			return refusal != null ? refusal : unguarded.apply(document);
		};
		if (input.getExtensions().containsKey("persistedQuery")) {
			// graphql-java's APQ support casts the extension to a map: anything else is the client's mistake.
			if (!(input.getExtensions().get("persistedQuery") instanceof Map<?, ?>)) {
				return CompletableFuture.completedFuture(new PreparsedDocumentEntry(LimitErrors.of(ErrorCode.BAD_USER_INPUT,
						"extensions.persistedQuery must be an object { version: 1, sha256Hash: \"<hex>\" }")));
			}
			return persistedQueries.getDocumentAsync(input, parseAndValidate);
		}
		String query = input.getQuery();
		if (query.length() > maxDocumentLength) {
			return CompletableFuture.completedFuture(parseAndValidate.apply(input));
		}
		return CompletableFuture.completedFuture(documents.get(key(input), key -> parseAndValidate.apply(input)));
	}

	/**
	 * A refusal when the document's largest operation selects more than {@code max-expanded-fields}
	 * fields once expanded; null when it fits, or when it does not parse (validation then reports
	 * that as usual). Parsing uses graphql-java's own limits on tokens and nesting.
	 */
	private @Nullable PreparsedDocumentEntry refuseIfTooLarge(String query) {
		Document document;
		try {
			document = new Parser().parseDocument(ParserEnvironment.newParserEnvironment()
				.document(query)
				.parserOptions(ParserOptions.getDefaultOperationParserOptions())
				.build());
		}
		catch (InvalidSyntaxException unparsable) {
			return null;
		}
		long fields = ExpandedFieldCount.largestOperation(document);
		if (fields <= maxExpandedFields) {
			return null;
		}
		return new PreparsedDocumentEntry(LimitErrors.of(ErrorCode.COST_LIMIT_EXCEEDED, "The operation selects "
				+ (fields == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : fields) + " fields once its fragments are expanded; at most "
				+ maxExpandedFields + " are allowed", Map.of("expandedFields", fields, "maxExpandedFields", maxExpandedFields)));
	}

	/**
	 * The document's text within its tenant: whether a text was parsed before (a faster answer) must
	 * tell nothing about what another tenant sends.
	 */
	private static Key key(ExecutionInput input) {
		Viewer viewer = input.getGraphQLContext().get(Viewer.CONTEXT_KEY);
		return new Key(viewer != null ? viewer.tenant() : "", input.getQuery());
	}

	private record Key(String tenant, String query) {
	}

}
