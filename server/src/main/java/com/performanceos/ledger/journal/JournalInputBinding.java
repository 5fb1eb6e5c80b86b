package com.performanceos.ledger.journal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.performanceos.ledger.dimensions.DimensionValueInput;

/**
 * Binds the posting mutations' arguments to the mutations' input records by hand. Spring's
 * reflective binder resolves constructor metadata for every input object: for a 10,000-entry bulk
 * (30,000 objects) it was a quarter of the request's JVM time. graphql-java has already validated
 * the input against the schema and coerced its scalars (a Date is a {@link LocalDate}, a Decimal a
 * {@link BigDecimal}, a Currency a {@link Currency}, non-null fields are present), so this only
 * reads maps; a value of another type is a bug and fails loudly.
 */
final class JournalInputBinding {

	private JournalInputBinding() {
	}

	static PostJournalEntries.Input batch(Map<String, Object> input) {
		List<?> entries = required(input, "entries", List.class);
		List<PostJournalEntry.Input> bound = new ArrayList<>(entries.size());
		for (Object entry : entries) {
			bound.add(entry(asMap(entry)));
		}
		return new PostJournalEntries.Input(required(input, "idempotencyKey", String.class), bound);
	}

	static PostJournalEntry.Input entry(Map<String, Object> input) {
		List<?> lines = required(input, "lines", List.class);
		List<JournalLineInput> bound = new ArrayList<>(lines.size());
		for (Object line : lines) {
			bound.add(line(asMap(line)));
		}
		return new PostJournalEntry.Input(required(input, "idempotencyKey", String.class),
				required(input, "effectiveDate", LocalDate.class), required(input, "description", String.class),
				optional(input, "reference", String.class), bound);
	}

	private static JournalLineInput line(Map<String, Object> input) {
		List<?> dimensions = optional(input, "dimensions", List.class);
		List<DimensionValueInput> values = null;
		if (dimensions != null) {
			values = new ArrayList<>(dimensions.size());
			for (Object value : dimensions) {
				Map<String, Object> fields = asMap(value);
				values.add(new DimensionValueInput(required(fields, "dimension", String.class), required(fields, "member", String.class)));
			}
		}
		Object side = required(input, "side", Object.class);
		return new JournalLineInput(required(input, "accountId", String.class),
				side instanceof EntrySide known ? known : EntrySide.valueOf(side.toString()), required(input, "amount", BigDecimal.class),
				required(input, "currency", Currency.class), optional(input, "memo", String.class), values);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> asMap(Object value) {
		if (value instanceof Map<?, ?> map) {
			return (Map<String, Object>) map;
		}
		throw new IllegalArgumentException("Expected an input object, got " + value.getClass().getName());
	}

	private static <T> T required(Map<String, Object> input, String field, Class<T> type) {
		T value = optional(input, field, type);
		if (value == null) {
			throw new IllegalArgumentException("The schema makes " + field + " non-null, yet it is missing");
		}
		return value;
	}

	private static <T> @Nullable T optional(Map<String, Object> input, String field, Class<T> type) {
		Object value = input.get(field);
		if (value == null) {
			return null;
		}
		if (!type.isInstance(value)) {
			throw new IllegalArgumentException(field + " should be a " + type.getSimpleName() + ", got " + value.getClass().getName());
		}
		return type.cast(value);
	}

}
