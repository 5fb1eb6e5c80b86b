package com.performanceos.ledger.bank;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.graphql.Money;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;

/**
 * The cash cockpit: consolidated position on a date and cash-in / cash-out per bucket, both
 * computed by one aggregate query from opening balances and stored bank transactions (by booking
 * date). Amounts are never summed across currencies.
 */
@Service
class CashService {

	/** Most buckets one {@code cashFlows} answer may hold (a year and a month of days). */
	static final int BUCKETS_MAX = 400;

	private final TenantDatabase database;

	CashService(TenantDatabase database) {
		this.database = database;
	}

	/** The schema's {@code CashGrouping}. */
	enum Grouping {

		CURRENCY, BANK, ENTITY

	}

	/** The schema's {@code CashFlowGrain}. */
	enum Grain {

		DAY, WEEK, MONTH;

		LocalDate start(LocalDate date) {
			return switch (this) {
				case DAY -> date;
				case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
				case MONTH -> date.withDayOfMonth(1);
			};
		}

		LocalDate end(LocalDate start) {
			return switch (this) {
				case DAY -> start;
				case WEEK -> start.plusDays(6);
				case MONTH -> start.plusMonths(1).minusDays(1);
			};
		}

		long bucketsBetween(LocalDate from, LocalDate to) {
			ChronoUnit unit = switch (this) {
				case DAY -> ChronoUnit.DAYS;
				case WEEK -> ChronoUnit.WEEKS;
				case MONTH -> ChronoUnit.MONTHS;
			};
			return unit.between(start(from), start(to)) + 1;
		}

	}

	/** The schema's {@code CashPosition}. */
	record Position(LocalDate asOf, List<Grouping> groupBy, List<Line> lines) {
	}

	/** The schema's {@code CashPositionLine}. */
	record Line(Currency currency, @Nullable String bankName, @Nullable String entity, Money balance, int bankAccountCount) {
	}

	/** The schema's {@code CashFlowBucket}. */
	record Bucket(LocalDate start, LocalDate end, Currency currency, Money inflow, Money outflow, Money net) {
	}

	Mono<Position> position(Viewer viewer, LocalDate asOf, List<Grouping> groupBy) {
		Set<Grouping> groups = groupBy.isEmpty() ? EnumSet.of(Grouping.CURRENCY) : EnumSet.copyOf(groupBy);
		boolean byBank = groups.contains(Grouping.BANK);
		boolean byEntity = groups.contains(Grouping.ENTITY);
		String bank = byBank ? "b.bank_name" : "NULL::text";
		String entity = byEntity ? "b.entity" : "NULL::text";
		// The opening balance is the balance at the start of the opening date, so transactions booked
		// before it are already in it and are not counted again.
		String sql = "SELECT b.currency, " + bank + " AS bank_name, " + entity + " AS entity, "
				+ "sum(b.opening_balance + coalesce(moved.total, 0)) AS balance, count(*) AS accounts "
				+ "FROM ledger_bank_account b LEFT JOIN LATERAL (SELECT sum(t.amount) AS total FROM ledger_bank_transaction t "
				+ "WHERE t.bank_account_id = b.id AND t.booking_date >= b.opening_date AND t.booking_date <= :asOf) moved ON true "
				+ "WHERE b.opening_date <= :asOf GROUP BY 1, 2, 3 ORDER BY 1, 2, 3";
		return database.inTransaction(viewer.tenant(), db -> db.sql(sql).bind("asOf", asOf).map(row -> {
			Currency currency = Currency.getInstance(row.get("currency", String.class));
			return new Line(currency, row.get("bank_name", String.class), row.get("entity", String.class),
					new Money(row.get("balance", BigDecimal.class), currency), row.get("accounts", Long.class).intValue());
		}).all().collectList()).map(lines -> new Position(asOf, groups.stream().toList(), lines));
	}

	Mono<List<Bucket>> flows(Viewer viewer, LocalDate from, LocalDate to, Grain grain) {
		if (from.isAfter(to)) {
			return Mono.error(new GraphQlException(ErrorCode.BAD_USER_INPUT, "from must not be after to"));
		}
		long buckets = grain.bucketsBetween(from, to);
		if (buckets > BUCKETS_MAX) {
			return Mono.error(new GraphQlException(ErrorCode.BAD_USER_INPUT,
					"The range holds " + buckets + " " + grain.name().toLowerCase(Locale.ROOT) + " buckets; at most " + BUCKETS_MAX));
		}
		String sql = """
				SELECT CAST(date_trunc(:grain, CAST(booking_date AS timestamp)) AS date) AS bucket, currency,
				       coalesce(sum(amount) FILTER (WHERE amount > 0), 0) AS inflow,
				       coalesce(-sum(amount) FILTER (WHERE amount < 0), 0) AS outflow
				FROM ledger_bank_transaction
				WHERE booking_date BETWEEN :from AND :to
				GROUP BY 1, 2 ORDER BY 1, 2""";
		return database.inTransaction(viewer.tenant(), db -> db.sql(sql)
			.bind("grain", grain.name().toLowerCase(Locale.ROOT))
			.bind("from", from)
			.bind("to", to)
			.map(row -> {
				LocalDate start = row.get("bucket", LocalDate.class);
				Currency currency = Currency.getInstance(row.get("currency", String.class));
				BigDecimal inflow = row.get("inflow", BigDecimal.class);
				BigDecimal outflow = row.get("outflow", BigDecimal.class);
				return new Bucket(start, grain.end(start), currency, new Money(inflow, currency), new Money(outflow, currency),
						new Money(inflow.subtract(outflow), currency));
			})
			.all()
			.collectList());
	}

}
