import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.performanceos.scenarios.cash.CashForecast;
import com.performanceos.scenarios.cash.CashForecastEngine;
import com.performanceos.scenarios.cash.DriverOverrides;
import com.performanceos.scenarios.cash.Drivers;
import com.performanceos.scenarios.cash.ForecastInputs;
import com.performanceos.scenarios.cash.PreparedFacts;
import com.performanceos.scenarios.cash.Scenario;
import com.performanceos.scenarios.cash.ScenarioTemplate;
import com.performanceos.scenarios.recurring.BankTransaction;
import com.performanceos.scenarios.recurring.RecurringFlowDetector;
import com.performanceos.scenarios.recurring.RecurringSeries;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Recalculation of a 91-day scenario over 100,000 open invoices (5,000 customers, 4,000 with payment
 * history), 20,000 open bills and the recurring series detected in two years of generated bank history.
 * Each timed recalculation moves a driver (collection delay shift and rate), as a person dragging a
 * slider would. Single-threaded, seeded data. Then the same computation as one SQL query in an embedded, durable
 * PostgreSQL over the same facts ({@link SqlForecast}), side by side in alternating order, both checked to give the same
 * totals. Run by bench/run-scenario-bench.sh.
 */
public final class ScenarioRecalcBench {

	public static void main(String[] args) throws Exception {
		int invoices = Integer.parseInt(System.getProperty("invoices", "100000"));
		int warmup = Integer.parseInt(System.getProperty("warmup", "200"));
		int rounds = Integer.parseInt(System.getProperty("rounds", "500"));
		int sqlRounds = Integer.parseInt(System.getProperty("sqlRounds", "60"));
		LocalDate asOf = LocalDate.of(2026, 1, 5);
		Random random = new Random(7);

		List<BankTransaction> history = bankHistory(asOf, random);
		long detectStart = System.nanoTime();
		List<RecurringSeries> series = RecurringFlowDetector.withDefaults().detect(history);
		double detectMs = (System.nanoTime() - detectStart) / 1e6;
		List<ForecastInputs.RecurringFlow> confirmed = series.stream()
			.map(s -> new ForecastInputs.RecurringFlow(s.counterpartyKey(), s.counterpartyKey(), s.cadence(), s.nextOccurrence(),
					s.amount(), s.currency()))
			.toList();

		List<ForecastInputs.Receivable> receivables = new ArrayList<>(invoices);
		for (int index = 0; index < invoices; index++) {
			receivables.add(new ForecastInputs.Receivable("INV-" + index, "C" + random.nextInt(5000),
					asOf.plusDays(random.nextInt(150) - 60), BigDecimal.valueOf(10_000 + random.nextInt(5_000_000), 2),
					index % 10 == 0 ? "USD" : "EUR"));
		}
		Map<String, Integer> delays = new HashMap<>();
		for (int customer = 0; customer < 4000; customer++) {
			delays.put("C" + customer, random.nextInt(45));
		}
		List<ForecastInputs.Payable> payables = new ArrayList<>();
		for (int index = 0; index < 20_000; index++) {
			payables.add(new ForecastInputs.Payable("BILL-" + index, "S" + random.nextInt(800), asOf.plusDays(random.nextInt(120) - 20),
					BigDecimal.valueOf(5_000 + random.nextInt(2_000_000), 2), "EUR"));
		}
		ForecastInputs inputs = new ForecastInputs(asOf, 91, "EUR",
				List.of(new ForecastInputs.BankBalance("eur", new BigDecimal("2500000.00"), "EUR"),
						new ForecastInputs.BankBalance("usd", new BigDecimal("400000.00"), "USD")),
				List.of(new ForecastInputs.ExchangeRate("USD", "EUR", LocalDate.of(2025, 12, 1), new BigDecimal("0.9123"))),
				receivables, delays, payables, confirmed,
				new ForecastInputs.RunRate("run-rate", asOf, Collections.nCopies(91, new BigDecimal("25000.00"))));

		CashForecastEngine engine = new CashForecastEngine();
		Scenario stress = Scenario.of(ScenarioTemplate.STRESS);
		long prepareStart = System.nanoTime();
		PreparedFacts facts = engine.prepare(inputs);
		double prepareMs = (System.nanoTime() - prepareStart) / 1e6;
		String loadBefore = loadAverage();
		long[] nanos = new long[rounds];
		BigDecimal checksum = BigDecimal.ZERO;
		for (int round = -warmup; round < rounds; round++) {
			Drivers drivers = slider(stress, round);
			long start = System.nanoTime();
			CashForecast forecast = engine.forecast(facts, drivers);
			long elapsed = System.nanoTime() - start;
			checksum = checksum.add(forecast.lowestClosing());
			if (round >= 0) {
				nanos[round] = elapsed;
			}
		}
		Arrays.sort(nanos);
		System.out.printf("bank history %,d transactions, %d recurring series detected in %.1f ms (one run, cold)%n", history.size(),
				series.size(), detectMs);
		System.out.printf("facts prepared once (cents, day offsets) in %.1f ms (cold)%n", prepareMs);
		System.out.printf("recalculation over %,d invoices, %,d bills, %d customers: median %.2f ms, p99 %.2f ms, max %.2f ms"
				+ " (%d rounds after %d warm-up; checksum %s; load %s -> %s)%n", invoices, payables.size(), 5000, nanos[rounds / 2] / 1e6,
				nanos[(int) Math.ceil(rounds * 0.99) - 1] / 1e6, nanos[rounds - 1] / 1e6, rounds, warmup, checksum, loadBefore, loadAverage());
		if (sqlRounds > 0) {
			sideBySide(engine, facts, stress, sqlRounds);
		}
	}

	/** The slider of round {@code round}: delay shift 0 to 29 days, collection rate 0.70 to 0.99. */
	private static Drivers slider(Scenario stress, int round) {
		int shift = Math.floorMod(round, 30);
		return stress.child("slider", new DriverOverrides(null, shift, new BigDecimal("0.7").add(BigDecimal.valueOf(shift, 2)), null, null,
				List.of())).drivers();
	}

	/**
	 * The engine (facts prepared, and from the raw inputs including preparation) and one SQL query in an embedded,
	 * durable PostgreSQL over the same facts, in alternating order each round with the same drivers; every round checks
	 * that the query and the engine give the same cents for every (day, category) and every closing balance.
	 */
	private static void sideBySide(CashForecastEngine engine, PreparedFacts facts, Scenario stress, int rounds) throws Exception {
		ForecastInputs inputs = facts.inputs();
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on").setServerConfig("shared_buffers", "256MB").setServerConfig("work_mem", "64MB").start();
				Connection connection = postgres.getPostgresDatabase().getConnection()) {
			long loadStart = System.nanoTime();
			SqlForecast sql = new SqlForecast(connection, inputs);
			System.out.printf("PostgreSQL %s (fsync %s, synchronous_commit %s): facts loaded by COPY and analysed in %.0f ms%n",
					setting(connection, "server_version"), setting(connection, "fsync"), setting(connection, "synchronous_commit"),
					(System.nanoTime() - loadStart) / 1e6);
			int warmup = 5;
			long[] prepared = new long[rounds];
			long[] raw = new long[rounds];
			long[] query = new long[rounds];
			String loadBefore = loadAverage();
			for (int round = -warmup; round < rounds; round++) {
				Drivers drivers = slider(stress, round);
				CashForecast forecast = null;
				List<SqlForecast.Row> rows = null;
				for (int turn = 0; turn < 3; turn++) {
					// Rotate who goes first, so neither side always runs on a cache the other warmed.
					switch (Math.floorMod(round + turn, 3)) {
						case 0 -> {
							long start = System.nanoTime();
							forecast = engine.forecast(facts, drivers);
							record(prepared, round, System.nanoTime() - start);
						}
						case 1 -> {
							long start = System.nanoTime();
							engine.forecast(inputs, drivers);
							record(raw, round, System.nanoTime() - start);
						}
						default -> {
							long start = System.nanoTime();
							rows = sql.forecast(drivers);
							record(query, round, System.nanoTime() - start);
						}
					}
				}
				List<String> differences = SqlForecast.differences(rows, forecast);
				if (!differences.isEmpty()) {
					throw new IllegalStateException("SQL and engine disagree in round " + round + ": " + differences.subList(0,
							Math.min(5, differences.size())));
				}
			}
			String loadAfter = loadAverage();
			System.out.printf("side by side, %d alternating rounds after %d warm-up, totals equal in every round (load %s -> %s):%n", rounds,
					warmup, loadBefore, loadAfter);
			print("engine, facts prepared", prepared);
			print("engine, from raw inputs", raw);
			print("one SQL query, PostgreSQL", query);
			System.out.printf("ratio of medians: SQL / engine prepared %.1f, SQL / engine from raw inputs %.1f%n",
					median(query) / median(prepared), median(query) / median(raw));
		}
	}

	private static void record(long[] nanos, int round, long elapsed) {
		if (round >= 0) {
			nanos[round] = elapsed;
		}
	}

	private static double median(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2] / 1e6;
	}

	private static void print(String label, long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		System.out.printf("  %-27s median %8.2f ms  p10 %8.2f  p90 %8.2f  max %8.2f%n", label, sorted[n / 2] / 1e6,
				sorted[n / 10] / 1e6, sorted[Math.min(n - 1, (int) Math.ceil(n * 0.9) - 1)] / 1e6, sorted[n - 1] / 1e6);
	}

	private static String setting(Connection connection, String name) throws Exception {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("SHOW " + name)) {
			result.next();
			return result.getString(1);
		}
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (java.io.IOException unreadable) {
			return "?";
		}
	}

	/** Two years of bank lines: 300 card payments a day, 40 monthly suppliers, payroll weekly, rent monthly. */
	private static List<BankTransaction> bankHistory(LocalDate asOf, Random random) {
		List<BankTransaction> history = new ArrayList<>();
		LocalDate start = asOf.minusYears(2);
		int id = 0;
		for (LocalDate day = start; day.isBefore(asOf); day = day.plusDays(1)) {
			for (int line = 0; line < 300; line++) {
				history.add(new BankTransaction("T" + id++, day, BigDecimal.valueOf(-(100 + random.nextInt(50_000)), 2), "EUR",
						"CB MERCHANT " + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26))));
			}
		}
		for (LocalDate friday = start.plusDays(4); friday.isBefore(asOf); friday = friday.plusWeeks(1)) {
			history.add(new BankTransaction("T" + id++, friday, new BigDecimal("-180000.00"), "EUR", "PAYROLL"));
		}
		for (int month = 0; month < 24; month++) {
			history.add(new BankTransaction("T" + id++, start.plusMonths(month), new BigDecimal("-25000.00"), "EUR", "RENT"));
			for (int supplier = 0; supplier < 40; supplier++) {
				history.add(new BankTransaction("T" + id++, start.plusMonths(month).plusDays(supplier % 20),
						BigDecimal.valueOf(-(100_000 + supplier * 1_000), 2), "EUR", "SUPPLIER " + (char) ('A' + supplier % 26)
								+ (char) ('A' + supplier / 26)));
			}
		}
		return history;
	}

}
