package com.performanceos.platform.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads the reference values in force on a day. The values are the same for every tenant (the law
 * is), so they are read outside any tenant transaction; the application role can only read them.
 */
@Component
public final class ReferenceData {

	/** Keys asked in one call: a check needs a handful, never more. */
	private static final int KEYS_MAX = 100;

	private final DatabaseClient client;

	ReferenceData(DatabaseClient client) {
		this.client = client;
	}

	/** The values of these keys in force on the day, by key; a key without a value that day is absent. */
	public Mono<Map<String, ReferenceValue>> inForce(Collection<String> keys, LocalDate day) {
		if (keys.size() > KEYS_MAX) {
			throw new IllegalArgumentException("At most " + KEYS_MAX + " reference keys per call");
		}
		return client.sql("SELECT key, effective_from, effective_to, value, unit, source FROM reference_value "
				+ "WHERE key = ANY(:keys) AND effective_from <= :day AND (effective_to IS NULL OR effective_to > :day)")
			.bind("keys", keys.toArray(String[]::new))
			.bind("day", day)
			.map(ReferenceData::toValue)
			.all()
			.collect(Collectors.toMap(ReferenceValue::key, Function.identity()));
	}

	private static ReferenceValue toValue(Readable row) {
		return new ReferenceValue(row.get("key", String.class), row.get("effective_from", LocalDate.class),
				row.get("effective_to", LocalDate.class), row.get("value", BigDecimal.class), row.get("unit", String.class),
				row.get("source", String.class));
	}

}
