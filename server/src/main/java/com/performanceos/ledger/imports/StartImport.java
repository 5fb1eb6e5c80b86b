package com.performanceos.ledger.imports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.idempotency.IdempotencyKeys;

/** {@code startImport}: its input, error codes and payload, as bound to the schema. */
final class StartImport {

	static final String OPERATION = "ledger.startImport";

	static final int FILE_NAME_LENGTH_MAX = 255;

	static final int MAPPINGS_MAX = 100;

	static final int COLUMN_LENGTH_MAX = 200;

	private StartImport() {
	}

	/** The schema's {@code ImportColumnMappingInput}. */
	record ColumnMapping(String column, ImportField field) {
	}

	/** The schema's {@code ImportControlTotalsInput}. */
	record ControlTotals(long rowCount, BigDecimal amountSum) {
	}

	/** The schema's {@code DecimalSeparator}. */
	enum DecimalSeparator {

		DOT, COMMA

	}

	/** The schema's {@code ImportOptionsInput}. */
	record Options(@Nullable String delimiter, @Nullable DecimalSeparator decimalSeparator, @Nullable String dateFormat) {
	}

	/** The schema's {@code StartImportInput}. */
	record Input(String idempotencyKey, ImportKind kind, String fileName, List<ColumnMapping> columnMapping,
			ControlTotals controlTotals, @Nullable Options options) {

		String fingerprint() {
			return String.join("\u001f", kind.name(), fileName.strip(),
					columnMapping.stream().map(mapping -> mapping.column() + "=" + mapping.field()).collect(Collectors.joining(",")),
					Long.toString(controlTotals.rowCount()), controlTotals.amountSum().stripTrailingZeros().toPlainString(),
					String.valueOf(options));
		}

		Map<ImportField, String> columns() {
			Map<ImportField, String> columns = new EnumMap<>(ImportField.class);
			columnMapping.forEach(mapping -> columns.put(mapping.field(), mapping.column()));
			return columns;
		}

		ImportOptions fileOptions() {
			String delimiter = options == null || options.delimiter() == null ? "," : options.delimiter();
			return new ImportOptions(delimiter.equals("\\t") ? '\t' : delimiter.charAt(0),
					options != null && options.decimalSeparator() == DecimalSeparator.COMMA,
					options == null || options.dateFormat() == null ? ImportOptions.DEFAULT.dateFormat() : options.dateFormat());
		}

		List<Error> validate(ImportKindHandler handler) {
			List<Error> errors = new ArrayList<>();
			IdempotencyKeys.problem(idempotencyKey)
				.ifPresent(problem -> errors.add(Error.invalid(List.of("input", "idempotencyKey"), problem)));
			if (fileName.isBlank() || fileName.strip().length() > FILE_NAME_LENGTH_MAX) {
				errors.add(Error.invalid(List.of("input", "fileName"), "fileName must have 1 to " + FILE_NAME_LENGTH_MAX + " characters"));
			}
			if (controlTotals.rowCount() < 0) {
				errors.add(Error.invalid(List.of("input", "controlTotals", "rowCount"), "rowCount must not be negative"));
			}
			errors.addAll(validateMapping(handler));
			errors.addAll(validateOptions());
			return errors;
		}

		private List<Error> validateMapping(ImportKindHandler handler) {
			List<Error> errors = new ArrayList<>();
			if (columnMapping.isEmpty() || columnMapping.size() > MAPPINGS_MAX) {
				errors.add(Error.invalid(List.of("input", "columnMapping"), "columnMapping needs 1 to " + MAPPINGS_MAX + " columns"));
				return errors;
			}
			Set<String> columns = new HashSet<>();
			Set<ImportField> fields = new HashSet<>();
			for (int index = 0; index < columnMapping.size(); index++) {
				ColumnMapping mapping = columnMapping.get(index);
				List<String> path = List.of("input", "columnMapping", String.valueOf(index));
				if (mapping.column().isEmpty() || mapping.column().length() > COLUMN_LENGTH_MAX || !columns.add(mapping.column())) {
					errors.add(Error.invalid(path, "Each column is a distinct header of 1 to " + COLUMN_LENGTH_MAX + " characters"));
				}
				if (!fields.add(mapping.field())) {
					errors.add(Error.invalid(path, "Field " + mapping.field() + " is mapped twice"));
				}
				else if (!handler.requiredFields().contains(mapping.field()) && !handler.optionalFields().contains(mapping.field())) {
					errors.add(Error.invalid(path, "Field " + mapping.field() + " does not apply to " + handler.kind() + " imports"));
				}
			}
			Set<ImportField> missing = new java.util.TreeSet<>(handler.requiredFields());
			missing.removeAll(fields);
			if (!missing.isEmpty()) {
				errors.add(new Error(ErrorCode.MISSING_REQUIRED_FIELD, handler.kind() + " imports need a column for " + missing,
						List.of("input", "columnMapping")));
			}
			String mappingProblem = handler.checkMapping(fields);
			if (mappingProblem != null) {
				errors.add(new Error(ErrorCode.MISSING_REQUIRED_FIELD, mappingProblem, List.of("input", "columnMapping")));
			}
			return errors;
		}

		private List<Error> validateOptions() {
			if (options == null) {
				return List.of();
			}
			List<Error> errors = new ArrayList<>();
			String delimiter = options.delimiter();
			if (delimiter != null && !(delimiter.equals("\\t") || (delimiter.length() == 1 && "\"\r\n".indexOf(delimiter.charAt(0)) < 0))) {
				errors.add(Error.invalid(List.of("input", "options", "delimiter"), "delimiter is one character (or \\t), not a quote or line break"));
			}
			if (options.dateFormat() != null) {
				try {
					new ImportOptions(',', false, options.dateFormat());
				}
				catch (IllegalArgumentException ex) {
					errors.add(Error.invalid(List.of("input", "options", "dateFormat"), "dateFormat is not a date pattern: " + ex.getMessage()));
				}
			}
			return errors;
		}

		Map<String, Object> mappingImage() {
			Map<String, Object> image = new LinkedHashMap<>();
			columnMapping.forEach(mapping -> image.put(mapping.column(), mapping.field().name()));
			return image;
		}

	}

	/** The schema's {@code StartImportErrorCode}. */
	enum ErrorCode {

		INVALID_INPUT, IDEMPOTENCY_CONFLICT, MISSING_REQUIRED_FIELD

	}

	/** The schema's {@code StartImportError}. */
	record Error(ErrorCode code, String message, @Nullable List<String> field) {

		static Error invalid(List<String> field, String message) {
			return new Error(ErrorCode.INVALID_INPUT, message, field);
		}

	}

	/** The schema's {@code StartImportPayload}. */
	record Payload(@Nullable Import importRecord, @Nullable String uploadUrl, List<Error> userErrors) {

		static Payload started(Import started) {
			return new Payload(started, started.uploadUrl(), List.of());
		}

		static Payload failed(List<Error> errors) {
			return new Payload(null, null, errors);
		}

	}

}
