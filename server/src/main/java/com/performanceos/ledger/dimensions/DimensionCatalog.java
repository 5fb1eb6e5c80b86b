package com.performanceos.ledger.dimensions;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Resolves dimension values named by codes for the rest of the ledger (journal lines, balance
 * slices), inside the caller's tenant transaction, in one statement whatever their number.
 */
public final class DimensionCatalog {

	/** Most dimension values one journal line (or one balance slice) may carry. */
	public static final int VALUES_PER_LINE_MAX = 20;

	private DimensionCatalog() {
	}

	/**
	 * The values among {@code requested} that exist in the tenant, keyed by their codes; a value
	 * whose dimension or member is unknown is absent from the answer.
	 */
	public static Mono<Map<DimensionValueInput, DimensionValue>> resolve(DatabaseClient db, Collection<DimensionValueInput> requested) {
		Set<DimensionValueInput> distinct = new LinkedHashSet<>(requested);
		if (distinct.isEmpty()) {
			return Mono.just(Map.of());
		}
		List<DimensionValueInput> values = List.copyOf(distinct);
		return db.sql("""
				SELECT d.id AS dimension_id, d.code AS dimension_code, m.id AS member_id, m.code AS member_code
				FROM unnest(CAST(:dimensions AS text[]), CAST(:members AS text[])) AS v(dimension_code, member_code)
				JOIN ledger_dimension d ON d.code = v.dimension_code
				JOIN ledger_dimension_member m ON m.dimension_id = d.id AND m.code = v.member_code""")
			.bind("dimensions", values.stream().map(DimensionValueInput::dimension).toArray(String[]::new))
			.bind("members", values.stream().map(DimensionValueInput::member).toArray(String[]::new))
			.map(row -> new DimensionValue(row.get("dimension_id", UUID.class), row.get("dimension_code", String.class),
					row.get("member_id", UUID.class), row.get("member_code", String.class)))
			.all()
			.collectMap(DimensionValue::codes);
	}

	/** The values with these member keys, keyed by member key: the journal names its lines' values with it. */
	public static Mono<Map<UUID, DimensionValue>> members(DatabaseClient db, Collection<UUID> memberKeys) {
		if (memberKeys.isEmpty()) {
			return Mono.just(Map.of());
		}
		return db.sql("""
				SELECT d.id AS dimension_id, d.code AS dimension_code, m.id AS member_id, m.code AS member_code
				FROM ledger_dimension_member m JOIN ledger_dimension d ON d.id = m.dimension_id
				WHERE m.id = ANY(:members)""")
			.bind("members", memberKeys.toArray(UUID[]::new))
			.map(row -> new DimensionValue(row.get("dimension_id", UUID.class), row.get("dimension_code", String.class),
					row.get("member_id", UUID.class), row.get("member_code", String.class)))
			.all()
			.collectMap(DimensionValue::memberKey);
	}

	/**
	 * The problem with a list of values given for one line or slice, as a message, or null when
	 * it is acceptable: bounded, and at most one value per dimension.
	 */
	public static @Nullable String checkShape(List<DimensionValueInput> values) {
		if (values.size() > VALUES_PER_LINE_MAX) {
			return "at most " + VALUES_PER_LINE_MAX + " dimension values are allowed, got " + values.size();
		}
		Set<String> dimensions = new LinkedHashSet<>();
		for (DimensionValueInput value : values) {
			if (!dimensions.add(value.dimension())) {
				return "dimension " + value.dimension() + " is given more than once; a line carries at most one value per dimension";
			}
		}
		return null;
	}

}
