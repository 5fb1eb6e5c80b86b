package com.performanceos.platform.graphql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.jspecify.annotations.Nullable;

/**
 * A Relay connection page, bound to any {@code XConnection} type of the schema.
 *
 * @param edges the items with their cursors
 * @param pageInfo the pagination state
 * @param totalCount the number of items over all pages, or {@link #TOTAL_NOT_SELECTED} when the query
 * did not select it
 * @param <T> the node type
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, int totalCount) {

	/** The {@code totalCount} of a page whose query did not select it: never read, so never counted. */
	public static final int TOTAL_NOT_SELECTED = -1;

	/**
	 * Whether the connection field's selection reads {@code totalCount}. Counting scans every
	 * matching row, so it is done only when asked for.
	 */
	public static boolean totalSelected(DataFetchingFieldSelectionSet selection) {
		return selection.contains("totalCount");
	}

	/** The nodes of the page, for the {@code nodes} shortcut field. */
	public List<T> nodes() {
		return edges.stream().map(Edge::node).toList();
	}

	/**
	 * Builds a page from at most {@code size + 1} rows fetched in keyset order (ascending for a
	 * forward page, descending for a backward one); the extra row only tells that more exist.
	 */
	public static <T> Connection<T> fromKeyset(PageRequest request, List<T> fetched, Function<T, String> keyOf,
			int totalCount) {
		boolean more = fetched.size() > request.size();
		List<T> page = new ArrayList<>(more ? fetched.subList(0, request.size()) : fetched);
		if (!request.forward()) {
			Collections.reverse(page);
		}
		List<Edge<T>> edges = page.stream().map(node -> new Edge<>(PageRequest.encodeCursor(keyOf.apply(node)), node)).toList();
		boolean hasNext = request.forward() ? more : request.cursorKey() != null;
		boolean hasPrevious = request.forward() ? request.cursorKey() != null : more;
		return new Connection<>(edges, new PageInfo(hasNext, hasPrevious, edges.isEmpty() ? null : edges.get(0).cursor(),
				edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()), totalCount);
	}

	/** An item and its cursor. */
	public record Edge<T>(String cursor, T node) {
	}

	/** Relay page info. */
	public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, @Nullable String startCursor,
			@Nullable String endCursor) {
	}

}
