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

import com.performanceos.ledger.journal.JournalEntriesPosted;
import com.performanceos.ledger.journal.JournalEntryPosted;
import com.performanceos.platform.analytics.Aggregation;
import com.performanceos.platform.analytics.AnalyticsEvent;
import com.performanceos.platform.analytics.AnalyticsProjection;
import com.performanceos.platform.analytics.ColumnType;
import com.performanceos.platform.analytics.CubeDefinition;
import com.performanceos.platform.analytics.FactTable;
import com.performanceos.platform.events.DomainEvent;
import com.performanceos.platform.events.EventCodec;

/**
 * Every posted journal line becomes one fact of the {@code journal_lines} table: the posting event
 * carries its entry's lines (or, for a bulk posting or import chunk, every entry's), and each
 * line's fact id is derived from its entry key and line number, so a redelivered event adds
 * nothing. Debit, credit and net are separate columns so every measure
 * is a plain sum on both engines.
 */
@Component
final class JournalLineFacts implements AnalyticsProjection {

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

	private static final String POSTED_EVENT = EventCodec.typeOf(JournalEntryPosted.class);

	private static final String BATCH_POSTED_EVENT = EventCodec.typeOf(JournalEntriesPosted.class);

	private final EventCodec codec;

	JournalLineFacts(EventCodec codec) {
		this.codec = codec;
	}

	@Override
	public boolean handles(String type) {
		return POSTED_EVENT.equals(type) || BATCH_POSTED_EVENT.equals(type);
	}

	@Override
	public List<AnalyticsEvent> project(DomainEvent event) {
		List<AnalyticsEvent> facts = new ArrayList<>();
		if (BATCH_POSTED_EVENT.equals(event.type())) {
			JournalEntriesPosted batch = codec.decode(event, JournalEntriesPosted.class);
			for (JournalEntryPosted.Entry entry : batch.entries()) {
				addLines(event, entry.entryKey(), entry.effectiveDate(), entry.lines(), batch.batchKey(), facts);
			}
		}
		else {
			JournalEntryPosted posted = codec.decode(event, JournalEntryPosted.class);
			addLines(event, posted.entryKey(), posted.effectiveDate(), posted.lines(), posted.batchKey(), facts);
		}
		return facts;
	}

	private static void addLines(DomainEvent event, String entryKey, String effectiveDay, List<JournalEntryPosted.Line> lines,
			String batchKey, List<AnalyticsEvent> facts) {
		LocalDate effectiveDate = LocalDate.parse(effectiveDay);
		for (JournalEntryPosted.Line line : lines) {
			long lineNumber = line.lineNumber();
			BigDecimal amount = new BigDecimal(line.amount());
			boolean debit = "DEBIT".equals(line.side());
			Map<String, Object> attributes = new HashMap<>();
			attributes.put("entry_key", entryKey);
			attributes.put("line_number", lineNumber);
			attributes.put("account_key", line.accountKey());
			attributes.put("side", line.side());
			attributes.put("debit_amount", debit ? amount : BigDecimal.ZERO);
			attributes.put("credit_amount", debit ? BigDecimal.ZERO : amount);
			attributes.put("net_amount", debit ? amount : amount.negate());
			attributes.put("currency", line.currency());
			attributes.put("effective_date", effectiveDate);
			attributes.put("batch_key", batchKey);
			// Entry key and line number identify the line whatever event carried it: redelivery adds nothing.
			UUID factId = UUID.nameUUIDFromBytes((entryKey + ":" + lineNumber).getBytes(StandardCharsets.UTF_8));
			facts.add(new AnalyticsEvent(factId, event.tenant(), LINE_FACT, event.occurredAt(), attributes));
		}
	}

}
