import java.math.BigDecimal;
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
import com.performanceos.scenarios.cash.ForecastInputs;
import com.performanceos.scenarios.cash.Scenario;
import com.performanceos.scenarios.cash.ScenarioTemplate;
import com.performanceos.scenarios.recurring.BankTransaction;
import com.performanceos.scenarios.recurring.RecurringFlowDetector;
import com.performanceos.scenarios.recurring.RecurringSeries;

/**
 * Recalculation of a 91-day scenario over 100,000 open invoices (5,000 customers, 4,000 with payment
 * history), 20,000 open bills and the recurring series detected in two years of generated bank history.
 * Each timed recalculation moves a driver (collection delay shift and rate), as a person dragging a
 * slider would. Single-threaded, seeded data. Run by bench/run-scenario-bench.sh.
 */
public final class ScenarioRecalcBench {

	public static void main(String[] args) {
		int invoices = Integer.parseInt(System.getProperty("invoices", "100000"));
		int warmup = Integer.parseInt(System.getProperty("warmup", "200"));
		int rounds = Integer.parseInt(System.getProperty("rounds", "500"));
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
		long[] nanos = new long[rounds];
		BigDecimal checksum = BigDecimal.ZERO;
		for (int round = -warmup; round < rounds; round++) {
			int shift = Math.floorMod(round, 30);
			Scenario moved = stress.child("slider",
					new DriverOverrides(null, shift, new BigDecimal("0.7").add(BigDecimal.valueOf(shift, 2)), null, null, List.of()));
			long start = System.nanoTime();
			CashForecast forecast = engine.forecast(inputs, moved);
			long elapsed = System.nanoTime() - start;
			checksum = checksum.add(forecast.lowestClosing());
			if (round >= 0) {
				nanos[round] = elapsed;
			}
		}
		Arrays.sort(nanos);
		System.out.printf("bank history %,d transactions, %d recurring series detected in %.1f ms (one run, cold)%n", history.size(),
				series.size(), detectMs);
		System.out.printf("recalculation over %,d invoices, %,d bills, %d customers: median %.2f ms, p99 %.2f ms, max %.2f ms"
				+ " (%d rounds after %d warm-up; checksum %s)%n", invoices, payables.size(), 5000, nanos[rounds / 2] / 1e6,
				nanos[(int) Math.ceil(rounds * 0.99) - 1] / 1e6, nanos[rounds - 1] / 1e6, rounds, warmup, checksum);
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
