package com.performanceos.ledger.journal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * Every posted line of an effective-date range with the references of its entry, streamed from
 * PostgreSQL in effective date, posting and line order for the journal export. Lines name their
 * account by key; the reader resolves the keys of {@link #accountsBetween} once, before the stream
 * starts, because a statement cannot run on the transaction's connection while the stream holds it.
 */
@Component
public final class PostedLines {

	/**
	 * A posted line and its entry.
	 *
	 * @param postingSequence the tenant-wide order in which entries were posted
	 * @param reversalOf the entry this one reverses, if any
	 * @param batchKey the batch or import that posted the entry, if any
	 */
	public record Line(UUID entryKey, long postingSequence, @Nullable String reference, String description, LocalDate effectiveDate,
			OffsetDateTime postedAt, @Nullable UUID reversalOf, @Nullable UUID batchKey, int lineNumber, UUID accountKey, EntrySide side,
			BigDecimal amount, String currency, @Nullable String memo) {
	}

	/** The accounts the lines effective within {@code from..to} (both included) post to. */
	public Mono<List<UUID>> accountsBetween(TenantTransaction tx, LocalDate from, LocalDate to) {
		return tx.db().sql("""
				SELECT DISTINCT l.account_id FROM ledger_journal_entry e JOIN ledger_journal_line l ON l.entry_id = e.id
				WHERE e.effective_date BETWEEN :from AND :to""")
			.bind("from", from)
			.bind("to", to)
			.map(row -> row.get("account_id", UUID.class))
			.all()
			.collectList();
	}

	/** The lines effective within {@code from..to} (both included), fetched {@code fetchSize} rows at a time. */
	public Flux<Line> between(TenantTransaction tx, LocalDate from, LocalDate to, int fetchSize) {
		return tx.db().sql("""
				SELECT e.id, e.posting_seq, e.reference, e.description, e.effective_date, e.posted_at, e.reversal_of, e.batch_id,
				       l.line_number, l.account_id, l.side, l.amount, l.currency, l.memo
				FROM ledger_journal_entry e
				JOIN ledger_journal_line l ON l.entry_id = e.id
				WHERE e.effective_date BETWEEN :from AND :to
				ORDER BY e.effective_date, e.posting_seq, l.line_number""")
			.bind("from", from)
			.bind("to", to)
			.filter(statement -> statement.fetchSize(fetchSize))
			.map(PostedLines::toLine)
			.all();
	}

	private static Line toLine(Readable row) {
		return new Line(row.get("id", UUID.class), row.get("posting_seq", Long.class), row.get("reference", String.class),
				row.get("description", String.class), row.get("effective_date", LocalDate.class), row.get("posted_at", OffsetDateTime.class),
				row.get("reversal_of", UUID.class), row.get("batch_id", UUID.class), row.get("line_number", Integer.class),
				row.get("account_id", UUID.class), EntrySide.valueOf(row.get("side", String.class)), row.get("amount", BigDecimal.class),
				row.get("currency", String.class), row.get("memo", String.class));
	}

}
