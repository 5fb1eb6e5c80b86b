package com.performanceos.platform.limits;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Parses and validates each distinct document once: the same query text (what SDKs and cockpits
 * send over and over) reuses the parsed, validated document, which depends only on the schema and
 * the text, never on variables. Requests carrying an automatic persisted query hash go to the APQ
 * support, which keeps its own shared store in Redis. Bounded in entries and document size.
 */
final class DocumentCache implements PreparsedDocumentProvider {

	private static final int MAX_ENTRIES = 2_000;

	private final PreparsedDocumentProvider persistedQueries;

	private final long maxDocumentLength;

	private final Cache<String, PreparsedDocumentEntry> documents = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();

	DocumentCache(PreparsedDocumentProvider persistedQueries, long maxDocumentLength) {
		this.persistedQueries = persistedQueries;
		this.maxDocumentLength = maxDocumentLength;
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		if (input.getExtensions().containsKey("persistedQuery")) {
			return persistedQueries.getDocumentAsync(input, parseAndValidate);
		}
		String query = input.getQuery();
		if (query.length() > maxDocumentLength) {
			return CompletableFuture.completedFuture(parseAndValidate.apply(input));
		}
		return CompletableFuture.completedFuture(documents.get(query, text -> parseAndValidate.apply(input)));
	}

}
