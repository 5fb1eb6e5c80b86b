package com.performanceos.ledger.cube;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.analytics.Aggregation;
import com.performanceos.platform.analytics.AnalyticsEvent;
import com.performanceos.platform.analytics.AnalyticsProjection;
import com.performanceos.platform.analytics.ColumnType;
import com.performanceos.platform.analytics.CubeDefinition;
import com.performanceos.platform.analytics.FactTable;
import com.performanceos.platform.events.DomainEvent;

/**
 * Every posted journal line becomes one fact of the {@code journal_lines} table: the posting event
 * carries its entry's lines (or, for a bulk posting or import chunk, every entry's), and each
 * line's fact id is derived from its entry key and line number, so a redelivered event adds
 * nothing. Debit, credit and net are separate columns so every measure
 * is a plain sum on both engines.
 */
@Component
final class JournalLineFacts implements AnalyticsProjection {

	static final String POSTED_EVENT = "ledger.JournalEntryPosted";

	static final String BATCH_POSTED_EVENT = "ledger.JournalEntriesPosted";

	static final String LINE_FACT = "ledger.JournalLine";

	static final FactTable TABLE = new FactTable("journal_lines", Set.of(LINE_FACT), List.of(
			new FactTable.Column("entry_key", ColumnType.STRING), new FactTable.Column("line_number", ColumnType.LONG),
			new FactTable.Column("account_key", ColumnType.STRING), new FactTable.Column("side", ColumnType.STRING),
			new FactTable.Column("debit_amount", ColumnType.DECIMAL), new FactTable.Column("credit_amount", ColumnType.DECIMAL),
			new FactTable.Column("net_amount", ColumnType.DECIMAL), new FactTable.Column("currency", ColumnType.STRING),
			new FactTable.Column("effective_date", ColumnType.DATE), new FactTable.Column("batch_key", ColumnType.STRING)));

	static final CubeDefinition CUBE = new CubeDefinition("journal_lines", TABLE, "effective_date",
			Map.of("debit", new CubeDefinition.Measure(Aggregation.SUM, "debit_amount"),
					"credit", new CubeDefinition.Measure(Aggregation.SUM, "credit_amount"),
					"net", new CubeDefinition.Measure(Aggregation.SUM, "net_amount"),
					"line_count", new CubeDefinition.Measure(Aggregation.COUNT, null)),
			Map.of("account", "account_key", "currency", "currency"));

	private final JsonMapper json;

	JournalLineFacts(JsonMapper json) {
		this.json = json;
	}

	@Override
	public boolean handles(String type) {
		return POSTED_EVENT.equals(type) || BATCH_POSTED_EVENT.equals(type);
	}

	@Override
	public List<AnalyticsEvent> project(DomainEvent event) {
		JsonNode payload = json.readTree(event.payload());
		String batchKey = payload.has("batchKey") ? payload.get("batchKey").asString() : "";
		List<AnalyticsEvent> facts = new ArrayList<>();
		if (BATCH_POSTED_EVENT.equals(event.type())) {
			for (JsonNode entry : payload.get("entries")) {
				addLines(event, entry, batchKey, facts);
			}
		}
		else {
			addLines(event, payload, batchKey, facts);
		}
		return facts;
	}

	private static void addLines(DomainEvent event, JsonNode entry, String batchKey, List<AnalyticsEvent> facts) {
		String entryKey = entry.get("entryKey").asString();
		LocalDate effectiveDate = LocalDate.parse(entry.get("effectiveDate").asString());
		for (JsonNode line : entry.get("lines")) {
			long lineNumber = line.get("lineNumber").asLong();
			BigDecimal amount = new BigDecimal(line.get("amount").asString());
			boolean debit = "DEBIT".equals(line.get("side").asString());
			Map<String, Object> attributes = new HashMap<>();
			attributes.put("entry_key", entryKey);
			attributes.put("line_number", lineNumber);
			attributes.put("account_key", line.get("accountKey").asString());
			attributes.put("side", line.get("side").asString());
			attributes.put("debit_amount", debit ? amount : BigDecimal.ZERO);
			attributes.put("credit_amount", debit ? BigDecimal.ZERO : amount);
			attributes.put("net_amount", debit ? amount : amount.negate());
			attributes.put("currency", line.get("currency").asString());
			attributes.put("effective_date", effectiveDate);
			attributes.put("batch_key", batchKey);
			// Entry key and line number identify the line whatever event carried it: redelivery adds nothing.
			UUID factId = UUID.nameUUIDFromBytes((entryKey + ":" + lineNumber).getBytes(StandardCharsets.UTF_8));
			facts.add(new AnalyticsEvent(factId, event.tenant(), LINE_FACT, event.occurredAt(), attributes));
		}
	}

}
