package com.performanceos.ledger.imports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.ai.AiClient;
import com.performanceos.platform.ai.AiModule;
import com.performanceos.platform.ai.AiPrompt;
import com.performanceos.platform.ai.AiResult;
import com.performanceos.platform.ai.PromptPseudonyms;
import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.security.Viewer;

/**
 * Column mapping suggestions for an import: the model reads the header and a few sample rows and suggests a field per
 * column with a confidence; the answer is kept only where it names a column of the header and a field the import's
 * kind knows (each field once). With AI off, over budget, the provider down or an unusable answer, a deterministic
 * suggestion from the columns' names is returned instead: nothing here can block an import, and the person still
 * chooses the mapping passed to {@code startImport}. Sample cells leave the server with emails, IBANs and national ids
 * replaced by the tenant's pseudonyms.
 */
@Component
class MappingSuggestions {

	static final int COLUMNS_MAX = 100;

	static final int SAMPLE_ROWS_MAX = 5;

	static final int CELL_LENGTH_MAX = 200;

	private static final String SYSTEM = """
			You map the columns of a CSV file to the target fields of an import. Answer with a JSON object and nothing else:
			{"mappings": [{"column": a header column exactly as given, "field": one of the target fields, "confidence": 0 to 1}]}
			Map a column only when you are fairly sure; use each field at most once. Personal data appears as pseudonyms such as
			EMAIL_1a2b3c4d or IBAN_1a2b3c4d.""";

	/** Names people give columns, per field, beyond the field's own name (normalised: lower case, letters and digits). */
	private static final Map<ImportField, List<String>> SYNONYMS = synonyms();

	/** The schema's {@code SuggestImportMappingInput}. */
	record Input(ImportKind kind, List<String> header, @Nullable List<List<String>> sampleRows) {
	}

	/** The schema's {@code ImportColumnSuggestion}. */
	record ColumnSuggestion(String column, @Nullable ImportField field, BigDecimal confidence) {
	}

	/** The schema's {@code ImportMappingSuggestion}. */
	record Suggestion(List<ColumnSuggestion> columns, String source, @Nullable String fallbackReason, @Nullable String model,
			List<ImportField> missingRequired) {
	}

	private final Map<ImportKind, ImportKindHandler> handlers = new EnumMap<>(ImportKind.class);

	private final AiClient ai;

	private final PromptPseudonyms pseudonyms;

	private final JsonMapper json;

	MappingSuggestions(List<ImportKindHandler> handlers, AiClient ai, PromptPseudonyms pseudonyms, JsonMapper json) {
		this.json = json;
		handlers.forEach(handler -> this.handlers.put(handler.kind(), handler));
		this.ai = ai;
		this.pseudonyms = pseudonyms;
	}

	Mono<Suggestion> suggest(Viewer viewer, Input input) {
		ImportKindHandler handler = handlers.get(input.kind());
		List<List<String>> rows = input.sampleRows() == null ? List.of() : input.sampleRows();
		if (input.header().isEmpty() || input.header().size() > COLUMNS_MAX || rows.size() > SAMPLE_ROWS_MAX
				|| rows.stream().anyMatch(row -> row.size() > COLUMNS_MAX || row.stream().anyMatch(cell -> cell.length() > CELL_LENGTH_MAX))
				|| input.header().stream().anyMatch(column -> column.isBlank() || column.length() > CELL_LENGTH_MAX)) {
			return Mono.error(new GraphQlException(ErrorCode.BAD_USER_INPUT, "1 to " + COLUMNS_MAX + " header columns and at most " + SAMPLE_ROWS_MAX
					+ " sample rows, each cell at most " + CELL_LENGTH_MAX + " characters"));
		}
		if (handler == null || viewer.roles().stream().noneMatch(handler.roles()::contains)) {
			return Mono.error(new GraphQlException(ErrorCode.FORBIDDEN, "This role may not import " + input.kind()));
		}
		Set<ImportField> known = EnumSet.copyOf(handler.requiredFields());
		known.addAll(handler.optionalFields());
		return ai.ask(viewer.tenant(), AiModule.IMPORTS, prompt(viewer.tenant(), input.kind(), known, input.header(), rows)).map(result -> switch (result) {
			case AiResult.Answered answered -> fromAnswer(answered.answer().text(), input.header(), known, handler.requiredFields())
				.map(columns -> new Suggestion(columns, "AI", null, answered.answer().model(), missing(columns, handler.requiredFields())))
				.orElseGet(() -> deterministic(input.header(), known, handler.requiredFields(), "The model's answer was not a usable mapping"));
			case AiResult.Unavailable unavailable -> deterministic(input.header(), known, handler.requiredFields(), unavailable.reason());
			case AiResult.Disabled disabled -> deterministic(input.header(), known, handler.requiredFields(), disabled.reason());
			case AiResult.Blocked blocked -> deterministic(input.header(), known, handler.requiredFields(), blocked.reason());
		});
	}

	private AiPrompt prompt(String tenant, ImportKind kind, Set<ImportField> known, List<String> header, List<List<String>> rows) {
		StringBuilder user = new StringBuilder("Import kind: " + kind + "\nTarget fields: " + known + "\nHeader: " + header + "\nSample rows:\n");
		for (List<String> row : rows) {
			user.append(row).append('\n');
		}
		return new AiPrompt(SYSTEM, pseudonyms.pseudonymise(tenant, user.toString(), List.of()));
	}

	/** The model's mapping kept where valid; empty when the answer is not a JSON object of the asked shape. */
	java.util.Optional<List<ColumnSuggestion>> fromAnswer(String answer, List<String> header, Set<ImportField> known,
			Set<ImportField> required) {
		Object parsed;
		try {
			parsed = json.readValue(answer, Object.class);
		}
		catch (RuntimeException ex) {
			return java.util.Optional.empty();
		}
		if (!(parsed instanceof Map<?, ?> object) || !(object.get("mappings") instanceof List<?> mappings)) {
			return java.util.Optional.empty();
		}
		Map<String, ColumnSuggestion> byColumn = new LinkedHashMap<>();
		header.forEach(column -> byColumn.put(column, new ColumnSuggestion(column, null, BigDecimal.ZERO)));
		Map<ImportField, String> taken = new EnumMap<>(ImportField.class);
		for (Object each : mappings) {
			if (!(each instanceof Map<?, ?> mapping) || !(mapping.get("column") instanceof String column) || !byColumn.containsKey(column)
					|| !(mapping.get("field") instanceof String fieldName) || !(mapping.get("confidence") instanceof Number number)) {
				continue;
			}
			ImportField field = known.stream().filter(candidate -> candidate.name().equals(fieldName)).findFirst().orElse(null);
			BigDecimal confidence = new BigDecimal(number.toString());
			if (field == null || confidence.signum() <= 0 || confidence.compareTo(BigDecimal.ONE) > 0 || byColumn.get(column).field() != null) {
				continue;
			}
			String holder = taken.get(field);
			if (holder != null && byColumn.get(holder).confidence().compareTo(confidence) >= 0) {
				continue;
			}
			if (holder != null) {
				byColumn.put(holder, new ColumnSuggestion(holder, null, BigDecimal.ZERO));
			}
			taken.put(field, column);
			byColumn.put(column, new ColumnSuggestion(column, field, confidence.setScale(2, RoundingMode.HALF_UP)));
		}
		return java.util.Optional.of(List.copyOf(byColumn.values()));
	}

	/** A suggestion from the columns' names alone: 1.00 for a field's own name, 0.80 for a usual synonym. */
	static Suggestion deterministic(List<String> header, Set<ImportField> known, Set<ImportField> required, String reason) {
		List<ColumnSuggestion> columns = new ArrayList<>();
		Set<ImportField> taken = EnumSet.noneOf(ImportField.class);
		for (String column : header) {
			String name = normalised(column);
			ImportField exact = known.stream().filter(field -> !taken.contains(field) && normalised(field.name()).equals(name)).findFirst().orElse(null);
			ImportField synonym = exact != null ? null : known.stream()
				.filter(field -> !taken.contains(field) && SYNONYMS.getOrDefault(field, List.of()).contains(name)).findFirst().orElse(null);
			ImportField field = exact != null ? exact : synonym;
			if (field != null) {
				taken.add(field);
			}
			columns.add(new ColumnSuggestion(column, field, exact != null ? new BigDecimal("1.00") : synonym != null ? new BigDecimal("0.80")
					: new BigDecimal("0.00")));
		}
		return new Suggestion(columns, "DETERMINISTIC", reason, null, missing(columns, required));
	}

	private static List<ImportField> missing(List<ColumnSuggestion> columns, Set<ImportField> required) {
		Set<ImportField> missing = EnumSet.noneOf(ImportField.class);
		missing.addAll(required);
		columns.forEach(column -> {
			if (column.field() != null) {
				missing.remove(column.field());
			}
		});
		return List.copyOf(missing);
	}

	private static String normalised(String name) {
		return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

	private static Map<ImportField, List<String>> synonyms() {
		Map<ImportField, List<String>> synonyms = new EnumMap<>(ImportField.class);
		synonyms.put(ImportField.ENTRY_REFERENCE, List.of("reference", "ref", "entry", "piece", "numeropiece"));
		synonyms.put(ImportField.EFFECTIVE_DATE, List.of("date", "entrydate", "dateecriture"));
		synonyms.put(ImportField.ACCOUNT_CODE, List.of("account", "accountnumber", "compte", "numerocompte"));
		synonyms.put(ImportField.DEBIT, List.of("dr", "debitamount"));
		synonyms.put(ImportField.CREDIT, List.of("cr", "creditamount"));
		synonyms.put(ImportField.AMOUNT, List.of("montant", "value", "total", "dealamount"));
		synonyms.put(ImportField.CURRENCY, List.of("ccy", "devise", "currencycode"));
		synonyms.put(ImportField.MEMO, List.of("note", "notes", "comment"));
		synonyms.put(ImportField.DESCRIPTION, List.of("libelle", "details"));
		synonyms.put(ImportField.DEAL_ID, List.of("deal", "dealref", "opportunity", "opportunityid", "affaire"));
		synonyms.put(ImportField.REP, List.of("owner", "salesrep", "dealowner", "commercial", "representative"));
		synonyms.put(ImportField.PRODUCT, List.of("produit", "sku", "productline"));
		synonyms.put(ImportField.REGION, List.of("country", "territory", "pays", "zone"));
		synonyms.put(ImportField.ARR, List.of("annualrecurringrevenue", "recurringrevenue"));
		synonyms.put(ImportField.STAGE, List.of("status", "dealstage", "etape"));
		synonyms.put(ImportField.CLOSE_DATE, List.of("closed", "closedate", "closingdate", "dateclosed", "datecloture"));
		synonyms.put(ImportField.PERIOD, List.of("month", "mois"));
		synonyms.put(ImportField.TRANSACTION_ID, List.of("transaction", "txid", "transactionreference"));
		synonyms.put(ImportField.BOOKING_DATE, List.of("booked", "bookingdate", "dateoperation"));
		synonyms.put(ImportField.VALUE_DATE, List.of("valuedate", "datevaleur"));
		synonyms.put(ImportField.COUNTERPARTY, List.of("payee", "payer", "beneficiary", "tiers"));
		synonyms.put(ImportField.LABEL, List.of("libelle", "narrative", "wording"));
		synonyms.put(ImportField.INVOICE_NUMBER, List.of("invoice", "invoiceno", "facture", "numerofacture"));
		synonyms.put(ImportField.DUE_DATE, List.of("due", "echeance", "dateecheance"));
		synonyms.put(ImportField.ISSUE_DATE, List.of("issued", "invoicedate", "datefacture"));
		return synonyms;
	}

}
