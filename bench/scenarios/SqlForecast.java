import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.postgresql.PGConnection;

import com.performanceos.scenarios.cash.Bucket;
import com.performanceos.scenarios.cash.CashCategory;
import com.performanceos.scenarios.cash.CashForecast;
import com.performanceos.scenarios.cash.Drivers;
import com.performanceos.scenarios.cash.ForecastInputs;

/**
 * The engine's recalculation as one SQL query in PostgreSQL, over the same facts loaded into plain tables: receipts
 * at due date + the customer's delay (or the portfolio median) + the shift, times the collection rate; bills at due
 * date + stretch; recurring occurrences from generate_series with the expense change; the run-rate with growth;
 * totals per (day, category) and the closing balance by a window sum. Every amount is rounded half-even to cents at
 * the same steps as the engine ({@code half_even}, an inlinable SQL function, since PostgreSQL's round() rounds ties
 * away from zero), so both give the same cents. Limits of the port, none of which the bench data uses: exchange rates
 * in the direct direction only (the engine also inverts), no one-offs.
 */
final class SqlForecast {

	private static final String SCHEMA = """
			CREATE FUNCTION half_even(x numeric) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE
			  AS $$ SELECT (CASE WHEN abs(x - trunc(x)) = 0.5 AND mod(trunc(x), 2) = 0 THEN trunc(x) ELSE round(x) END)::bigint $$;
			CREATE TABLE bank_balance (account_id text PRIMARY KEY, amount numeric NOT NULL, currency text NOT NULL);
			CREATE TABLE exchange_rate (from_currency text, to_currency text, effective_from date, rate numeric NOT NULL,
			  PRIMARY KEY (from_currency, to_currency, effective_from));
			CREATE TABLE receivable (invoice_id text PRIMARY KEY, customer_id text NOT NULL, due_date date NOT NULL,
			  amount numeric NOT NULL, currency text NOT NULL);
			CREATE TABLE customer_delay (customer_id text PRIMARY KEY, delay_days int NOT NULL);
			CREATE TABLE payable (bill_id text PRIMARY KEY, supplier_id text NOT NULL, due_date date NOT NULL, amount numeric NOT NULL,
			  currency text NOT NULL);
			CREATE TABLE recurring_flow (series_id text PRIMARY KEY, cadence text NOT NULL, next_date date NOT NULL,
			  amount numeric NOT NULL, currency text NOT NULL);
			CREATE TABLE run_rate (day date PRIMARY KEY, amount numeric NOT NULL);
			""";

	static final String QUERY = """
			WITH params AS (
			  SELECT ?::date AS as_of, ?::int AS horizon, ?::int AS shift, ?::numeric AS collection_rate, ?::int AS stretch,
			         ?::numeric AS expense_change, ?::numeric AS growth, ?::text AS reporting),
			rate AS (
			  SELECT currency, rate FROM (
			    SELECT DISTINCT ON (e.from_currency) e.from_currency AS currency, e.rate
			    FROM exchange_rate e CROSS JOIN params p
			    WHERE e.to_currency = p.reporting AND e.effective_from <= p.as_of
			    ORDER BY e.from_currency, e.effective_from DESC) latest
			  UNION ALL SELECT reporting, 1 FROM params),
			fallback AS (
			  SELECT coalesce(round(percentile_cont(0.5) WITHIN GROUP (ORDER BY delay_days)::numeric), 0)::int AS days
			  FROM customer_delay),
			flows AS (
			  SELECT greatest(0, r.due_date + coalesce(d.delay_days, f.days) + p.shift - p.as_of) AS day, 0 AS category,
			         half_even(half_even(r.amount * x.rate * 100) * p.collection_rate) AS cents
			  FROM receivable r JOIN rate x USING (currency) LEFT JOIN customer_delay d USING (customer_id)
			       CROSS JOIN fallback f CROSS JOIN params p
			  UNION ALL
			  SELECT greatest(0, b.due_date + p.stretch - p.as_of), 1, -half_even(b.amount * x.rate * 100)
			  FROM payable b JOIN rate x USING (currency) CROSS JOIN params p
			  UNION ALL
			  SELECT o.day - p.as_of, 2, CASE WHEN o.cents < 0 THEN half_even(o.cents * (1 + p.expense_change)) ELSE o.cents END
			  FROM (SELECT generate_series(s.next_date, p.as_of + p.horizon - 1, CASE s.cadence WHEN 'WEEKLY' THEN interval '1 week'
			                 WHEN 'MONTHLY' THEN interval '1 month' ELSE interval '3 months' END)::date AS day,
			               half_even(s.amount * x.rate * 100) AS cents
			        FROM recurring_flow s JOIN rate x USING (currency) CROSS JOIN params p) o CROSS JOIN params p
			  WHERE o.day >= p.as_of
			  UNION ALL
			  SELECT n.day - p.as_of, 3, half_even(n.amount * (1 + p.growth) * 100)
			  FROM run_rate n CROSS JOIN params p WHERE n.day BETWEEN p.as_of AND p.as_of + p.horizon - 1),
			totals AS (
			  SELECT day, category, coalesce(sum(cents) FILTER (WHERE cents > 0), 0) AS in_cents,
			         coalesce(-sum(cents) FILTER (WHERE cents < 0), 0) AS out_cents
			  FROM flows WHERE day < (SELECT horizon FROM params) GROUP BY day, category)
			SELECT day, category, in_cents, out_cents,
			       (SELECT sum(half_even(b.amount * x.rate * 100)) FROM bank_balance b JOIN rate x USING (currency))
			         + sum(in_cents - out_cents) OVER (ORDER BY day) AS closing_cents
			FROM totals ORDER BY day, category
			""";

	/** The engine's categories in the query's numbering (the enum's order), one-offs excepted. */
	private static final CashCategory[] CATEGORIES = { CashCategory.RECEIVABLES, CashCategory.PAYABLES, CashCategory.RECURRING,
			CashCategory.NEW_BUSINESS };

	record Row(int day, CashCategory category, long inCents, long outCents, long closingCents) {
	}

	private final Connection connection;

	private final PreparedStatement query;

	private final ForecastInputs inputs;

	SqlForecast(Connection connection, ForecastInputs inputs) throws SQLException {
		this.connection = connection;
		this.inputs = inputs;
		try (Statement statement = connection.createStatement()) {
			statement.execute(SCHEMA);
		}
		copy("bank_balance", inputs.balances(), b -> b.accountId() + "\t" + b.amount() + "\t" + b.currency());
		copy("exchange_rate", inputs.rates(), r -> r.from() + "\t" + r.to() + "\t" + r.effectiveFrom() + "\t" + r.rate());
		copy("receivable", inputs.receivables(),
				r -> r.invoiceId() + "\t" + r.customerId() + "\t" + r.dueDate() + "\t" + r.amount() + "\t" + r.currency());
		copy("customer_delay", new ArrayList<>(inputs.customerDelayDays().entrySet()), e -> e.getKey() + "\t" + e.getValue());
		copy("payable", inputs.payables(), p -> p.billId() + "\t" + p.supplierId() + "\t" + p.dueDate() + "\t" + p.amount() + "\t" + p.currency());
		copy("recurring_flow", inputs.recurringFlows(),
				s -> s.seriesId() + "\t" + s.cadence().name() + "\t" + s.nextDate() + "\t" + s.amount() + "\t" + s.currency());
		List<Integer> days = new ArrayList<>();
		for (int day = 0; day < inputs.runRate().dailyAmounts().size(); day++) {
			days.add(day);
		}
		copy("run_rate", days, day -> inputs.runRate().firstDay().plusDays(day) + "\t" + inputs.runRate().dailyAmounts().get(day));
		try (Statement statement = connection.createStatement()) {
			statement.execute("VACUUM ANALYZE");
		}
		this.query = connection.prepareStatement(QUERY);
	}

	List<Row> forecast(Drivers drivers) throws SQLException {
		if (!drivers.oneOffs().isEmpty()) {
			throw new IllegalArgumentException("the SQL port has no one-offs");
		}
		query.setObject(1, inputs.asOf());
		query.setInt(2, inputs.horizonDays());
		query.setInt(3, drivers.collectionDelayShiftDays());
		query.setBigDecimal(4, drivers.collectionRate());
		query.setInt(5, drivers.payablesStretchDays());
		query.setBigDecimal(6, drivers.recurringExpenseChange());
		query.setBigDecimal(7, drivers.revenueGrowth());
		query.setString(8, inputs.reportingCurrency());
		List<Row> rows = new ArrayList<>();
		try (ResultSet result = query.executeQuery()) {
			while (result.next()) {
				rows.add(new Row(result.getInt(1), CATEGORIES[result.getInt(2)], result.getLong(3), result.getLong(4), result.getLong(5)));
			}
		}
		return rows;
	}

	/**
	 * Differences between the query's rows and the engine's buckets: every (day, category) with money in or out and
	 * every day's closing balance must be the same number of cents. Empty when both agree.
	 */
	static List<String> differences(List<Row> rows, CashForecast forecast) {
		List<String> differences = new ArrayList<>();
		int engineCells = 0;
		for (Bucket day : forecast.daily()) {
			engineCells += (int) java.util.stream.Stream.concat(day.inflows().keySet().stream(), day.outflows().keySet().stream()).distinct().count();
		}
		for (Row row : rows) {
			Bucket day = forecast.daily().get(row.day());
			long in = cents(day.inflow(row.category()));
			long out = cents(day.outflow(row.category()));
			if (in != row.inCents() || out != row.outCents() || cents(day.closing()) != row.closingCents()) {
				differences.add("day " + row.day() + " " + row.category() + ": SQL " + row.inCents() + "/" + row.outCents() + "/"
						+ row.closingCents() + ", engine " + in + "/" + out + "/" + cents(day.closing()));
			}
		}
		long sqlCells = rows.stream().filter(row -> row.inCents() != 0 || row.outCents() != 0).count();
		if (sqlCells != engineCells) {
			differences.add("(day, category) cells with money: SQL " + sqlCells + ", engine " + engineCells);
		}
		return differences;
	}

	private static long cents(BigDecimal amount) {
		return amount.movePointRight(2).longValueExact();
	}

	private <T> void copy(String table, List<T> rows, Function<T, String> line) throws SQLException {
		StringBuilder text = new StringBuilder();
		for (T row : rows) {
			text.append(line.apply(row)).append('\n');
		}
		try {
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN", new StringReader(text.toString()));
		}
		catch (java.io.IOException e) {
			throw new SQLException(e);
		}
	}

}
