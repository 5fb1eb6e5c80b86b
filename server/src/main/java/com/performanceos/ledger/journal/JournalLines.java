package com.performanceos.ledger.journal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.Money;
import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * Keyset pages of posted lines for drill-downs (the cube's), read where the lines are owned: the
 * page and its total in two statements, in effective date, entry and line order.
 */
@Component
public final class JournalLines {

	/** The lines of a page that match the filter, after the cursor; at most {@code size} plus one (to tell whether more follow). */
	public Mono<Page> page(TenantTransaction tx, Filter filter, @Nullable Cursor after, int size) {
		StringBuilder where = new StringBuilder(" WHERE l.effective_date BETWEEN :from AND :to");
		if (filter.account() != null) {
			where.append(" AND l.account_id = :account");
		}
		if (filter.currency() != null) {
			where.append(" AND l.currency = :currency");
		}
		if (filter.accounts() != null) {
			where.append(" AND l.account_id = ANY(:accounts)");
		}
		if (filter.currencies() != null) {
			where.append(" AND l.currency = ANY(:currencies)");
		}
		String count = where.toString();
		if (after != null) {
			where.append(" AND (l.effective_date, l.entry_id, l.line_number) > (:cursorDate, :cursorEntry, :cursorLine)");
		}
		String from = " FROM ledger_journal_line l JOIN ledger_journal_entry e ON e.id = l.entry_id";
		GenericExecuteSpec select = bind(tx.db().sql("SELECT l.entry_id, l.line_number, l.account_id, l.side, l.amount, l.currency, "
				+ "l.effective_date, e.batch_id" + from + where + " ORDER BY l.effective_date, l.entry_id, l.line_number LIMIT :limit")
			.bind("limit", size + 1), filter);
		if (after != null) {
			select = select.bind("cursorDate", after.effectiveDate()).bind("cursorEntry", after.entryKey()).bind("cursorLine", after.lineNumber());
		}
		Mono<List<Line>> lines = select.map(JournalLines::toLine).all().collectList();
		Mono<Long> total = bind(tx.db().sql("SELECT count(*) AS total" + from + count), filter).map(row -> row.get("total", Long.class)).one();
		return lines.zipWith(total, (found, counted) -> new Page(found, counted.intValue()));
	}

	private static GenericExecuteSpec bind(GenericExecuteSpec spec, Filter filter) {
		GenericExecuteSpec bound = spec.bind("from", filter.from()).bind("to", filter.to());
		if (filter.account() != null) {
			bound = bound.bind("account", filter.account());
		}
		if (filter.currency() != null) {
			bound = bound.bind("currency", filter.currency().getCurrencyCode());
		}
		if (filter.accounts() != null) {
			bound = bound.bind("accounts", filter.accounts().toArray(UUID[]::new));
		}
		if (filter.currencies() != null) {
			bound = bound.bind("currencies", filter.currencies().stream().map(Currency::getCurrencyCode).toArray(String[]::new));
		}
		return bound;
	}

	private static Line toLine(Readable row) {
		return new Line(row.get("entry_id", UUID.class), row.get("line_number", Integer.class), row.get("account_id", UUID.class),
				EntrySide.valueOf(row.get("side", String.class)),
				new Money(row.get("amount", BigDecimal.class), Currency.getInstance(row.get("currency", String.class))),
				row.get("effective_date", LocalDate.class), row.get("batch_id", UUID.class));
	}

	/**
	 * Which lines: effective within {@code from..to} (both included), optionally of one account or
	 * currency, or of a set of them.
	 */
	public record Filter(LocalDate from, LocalDate to, @Nullable UUID account, @Nullable Currency currency, @Nullable List<UUID> accounts,
			@Nullable List<Currency> currencies) {
	}

	/** The position of the last line of the previous page. */
	public record Cursor(LocalDate effectiveDate, UUID entryKey, int lineNumber) {
	}

	/** A posted line, with the batch its entry was posted in (an import's), if any. */
	public record Line(UUID entryKey, int lineNumber, UUID accountKey, EntrySide side, Money amount, LocalDate effectiveDate,
			@Nullable UUID batchKey) {
	}

	/**
	 * A page of lines.
	 *
	 * @param lines the lines, plus one when more follow
	 * @param totalCount how many lines match the filter
	 */
	public record Page(List<Line> lines, int totalCount) {
	}

}
