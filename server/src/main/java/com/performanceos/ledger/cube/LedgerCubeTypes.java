package com.performanceos.ledger.cube;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.ledger.accounts.Account;
import com.performanceos.ledger.journal.EntrySide;
import com.performanceos.platform.analytics.TimeGrain;
import com.performanceos.platform.graphql.Money;

/** The ledger cube's GraphQL types, as bound to api-schema/ledger-analytics.graphqls. */
final class LedgerCubeTypes {

	static final int DEFAULT_LIMIT = 1_000;

	static final int MAX_ACCOUNT_FILTERS = 100;

	static final int MAX_CURRENCY_FILTERS = 20;

	/** Drill-down runs one transactional query per cell: allowed on cubes of at most this many rows. */
	static final int MAX_DRILL_DOWN_ROWS = 100;

	private LedgerCubeTypes() {
	}

	/** The schema's {@code LedgerCubeMeasure}, with the cube's measure name. */
	enum Measure {

		DEBIT("debit"), CREDIT("credit"), NET("net"), LINE_COUNT("line_count");

		final String cubeName;

		Measure(String cubeName) {
			this.cubeName = cubeName;
		}

	}

	/** The schema's {@code LedgerCubeDimension}, with the cube's dimension name. */
	enum Dimension {

		ACCOUNT("account"), CURRENCY("currency");

		final String cubeName;

		Dimension(String cubeName) {
			this.cubeName = cubeName;
		}

	}

	/** The schema's {@code LedgerCubeInput}. */
	record Input(List<Measure> measures, List<Dimension> dimensions, @Nullable TimeGrain grain, LocalDate effectiveFrom,
			LocalDate effectiveTo, @Nullable List<String> accountIds, @Nullable List<Currency> currencies, @Nullable Integer limit) {
	}

	/**
	 * A cube cell: coordinates (for drill-down) and measures. {@code account} is the resolved
	 * account of {@code accountKey}, attached to every row at once when the query selects it.
	 */
	record Row(@Nullable LocalDate period, @Nullable LocalDate periodEnd, @Nullable UUID accountKey, @Nullable Currency currency,
			@Nullable BigDecimal debit, @Nullable BigDecimal credit, @Nullable BigDecimal net, @Nullable Integer lineCount,
			Cell cell, @Nullable Account account) {

		Row {
			if (account != null && !account.key().equals(accountKey)) {
				throw new IllegalArgumentException("Account " + account.key() + " is not the row's account " + accountKey);
			}
		}

		Row withAccount(@Nullable Account resolved) {
			return new Row(period, periodEnd, accountKey, currency, debit, credit, net, lineCount, cell, resolved);
		}

	}

	/** The transactional-store filter that reproduces a cell: used to list its lines. */
	record Cell(LocalDate from, LocalDate to, @Nullable UUID accountKey, @Nullable Currency currency,
			@Nullable List<UUID> accountFilter, @Nullable List<Currency> currencyFilter, int rowsInCube) {
	}

	/** The schema's {@code LedgerCube}. */
	record Cube(String engine, boolean cached, List<Row> rows) {
	}

	/** The schema's {@code PostedLine}. */
	record PostedLine(UUID entryKey, int lineNumber, UUID accountKey, EntrySide side, Money amount, LocalDate effectiveDate,
			@Nullable String batchId) {
	}

}
